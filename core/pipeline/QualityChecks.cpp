#include "pipeline/QualityChecks.h"

#include "media/QualityReport.h"
#include "model/JsonReader.h"

namespace diy {

using nlohmann::json;

json QualityChecks::aggregate(const QList<json> &segmentReports, const QStringList &sceneLabels,
                              const QList<qint64> &sceneDurationsMs, const ProbeInfo &finalProbe, const Brief &brief)
{
    QList<QualityReport> parts;
    json scenes = json::array();
    qint64 offset = 0;
    for (int i = 0; i < segmentReports.size(); ++i) {
        QualityReport r;
        try {
            r = segmentReports[i].get<QualityReport>();
        } catch (const json::exception &) {
        }
        parts.append(r);
        scenes.push_back(json{{"scene", toStd(sceneLabels.value(i))},
                              {"offsetMs", offset},
                              {"durationMs", r.probe.durationMs > 0 ? r.probe.durationMs : sceneDurationsMs.value(i)},
                              {"integratedLufs", r.hasLoudness ? json(r.integratedLufs) : json(nullptr)},
                              {"findings", r.findings}});
        offset += r.probe.durationMs > 0 ? r.probe.durationMs : sceneDurationsMs.value(i);
    }
    QualityReport merged = QualityReport::merge(parts);
    if (finalProbe.hasVideo())
        merged.probe = finalProbe;
    merged.assess();

    const double seconds = merged.probe.durationMs / 1000.0;
    const double target = brief.targetDurationSeconds;
    if (seconds > 0 && (seconds < target * 0.6 || seconds > target * 1.4)) {
        merged.findings.append({QualityFinding::Severity::Warning, QStringLiteral("duration-target"),
                                QStringLiteral("The video runs %1 s; the brief asks for about %2 s. %3")
                                    .arg(seconds, 0, 'f', 0)
                                    .arg(target, 0, 'f', 0)
                                    .arg(seconds < target ? QStringLiteral("Add detail to the narration or add a step.")
                                                          : QStringLiteral("Tighten the narration or remove a step."))});
    } else if (seconds > 0) {
        merged.findings.append({QualityFinding::Severity::Info, QStringLiteral("duration-target"),
                                QStringLiteral("The video runs %1 s (target about %2 s).").arg(seconds, 0, 'f', 0).arg(target, 0, 'f', 0)});
    }
    json report = merged;
    report["scenes"] = scenes;
    report["targetDurationSeconds"] = brief.targetDurationSeconds;
    report["video"] = json{{"durationMs", merged.probe.durationMs},
                           {"width", merged.probe.videoSize.width()},
                           {"height", merged.probe.videoSize.height()},
                           {"videoCodec", toStd(merged.probe.videoCodec)},
                           {"pixelFormat", toStd(merged.probe.pixelFormat)},
                           {"audioCodec", toStd(merged.probe.audioCodec)},
                           {"sampleRate", merged.probe.sampleRate},
                           {"faststart", merged.probe.faststart}};
    report["errors"] = merged.count(QualityFinding::Severity::Error);
    report["warnings"] = merged.count(QualityFinding::Severity::Warning);
    return report;
}

} // namespace diy
