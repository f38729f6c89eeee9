#include "pipeline/QualityChecks.h"

#include "media/QualityReport.h"

namespace diy {

using nlohmann::json;

TechnicalReport QualityChecks::build(const QList<json> &segmentReports, const QStringList &sceneLabels,
                                     const QList<qint64> &sceneDurationsMs, const ProbeInfo &finalProbe, const Brief &brief)
{
    TechnicalReport report;
    QList<QualityReport> parts;
    qint64 offset = 0;
    for (int i = 0; i < segmentReports.size(); ++i) {
        QualityReport r;
        try {
            r = segmentReports[i].get<QualityReport>();
        } catch (const json::exception &) {
        }
        parts.append(r);
        TechnicalReport::Scene scene;
        scene.label = sceneLabels.value(i);
        scene.offsetMs = offset;
        scene.durationMs = r.probe.durationMs > 0 ? r.probe.durationMs : sceneDurationsMs.value(i);
        if (r.hasLoudness)
            scene.integratedLufs = r.integratedLufs;
        scene.findings = r.findings;
        report.scenes.append(scene);
        offset += scene.durationMs;
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
        merged.findings.append(
            {QualityFinding::Severity::Info, QStringLiteral("duration-target"),
             QStringLiteral("The video runs %1 s (target about %2 s).").arg(seconds, 0, 'f', 0).arg(target, 0, 'f', 0)});
    }
    report.merged = merged;
    report.targetDurationSeconds = brief.targetDurationSeconds;
    return report;
}

json QualityChecks::aggregate(const QList<json> &segmentReports, const QStringList &sceneLabels,
                              const QList<qint64> &sceneDurationsMs, const ProbeInfo &finalProbe, const Brief &brief)
{
    return build(segmentReports, sceneLabels, sceneDurationsMs, finalProbe, brief).toJson();
}

} // namespace diy
