#include "pipeline/ChecksStage.h"

#include "media/MediaProbeJob.h"
#include "media/NarrationCueFile.h"
#include "media/QualityCheckJob.h"
#include "pipeline/ChainedJob.h"
#include "pipeline/CheckItemSpec.h"
#include "pipeline/PlanBuilder.h"
#include "pipeline/QualityChecks.h"
#include "pipeline/SceneNarrationSpec.h"
#include "providers/AssemblyEngine.h"
#include "util/AtomicFile.h"

#include <nlohmann/json.hpp>

namespace diy {

using nlohmann::json;

ChecksStage::ChecksStage(std::shared_ptr<const AssemblyEngine> engine) : m_engine(std::move(engine)) {}

QString ChecksStage::title() const
{
    return QStringLiteral("Quality checks");
}

void ChecksStage::plan(PlanBuilder &builder) const
{
    const int scenes = int(builder.scenes().size());
    const int merge = builder.indexOf(RenderStage::Merge, -1);
    if (scenes == 0 || merge < 0)
        return;
    auto report = std::make_shared<ReportItemSpec>();
    report->engineVersion = m_engine->engineVersion();
    report->videoKey = builder.items().at(merge).key;
    report->videoPath = builder.items().at(merge).outputPath;
    report->brief = builder.project().brief;
    PlanItem final;
    final.inputs.append(merge);
    for (int i = 0; i < scenes; ++i) {
        const int segment = builder.indexOf(RenderStage::Segments, i);
        const PlanItem *narration = builder.find(RenderStage::Narration, i);
        auto spec = std::make_shared<CheckItemSpec>();
        spec->engineVersion = m_engine->engineVersion();
        spec->mediaKey = builder.items().at(segment).key;
        spec->mediaPath = builder.items().at(segment).outputPath;
        PlanItem item;
        item.scene = i;
        item.label = builder.scenes().at(i).displayName();
        item.key = PlanBuilder::keyOf(id(), *spec);
        item.outputPath = builder.cacheFile(QStringLiteral("checks"), item.key, QStringLiteral(".json"));
        item.inputs = {segment};
        item.priority = 1;
        item.spec = spec;
        report->scenes.append({item.label, item.key, item.outputPath, narration->specAs<SceneNarrationSpec>()->cuesPath()});
        final.inputs.append(builder.add(*this, item));
        final.inputs.append(builder.indexOf(RenderStage::Narration, i));
    }
    final.label = QStringLiteral("Final video");
    final.key = PlanBuilder::keyOf(id(), *report);
    final.outputPath = builder.cacheFile(QStringLiteral("reports"), final.key, QStringLiteral(".json"));
    final.priority = 1;
    final.spec = report;
    builder.add(*this, final);
}

Job *ChecksStage::makeJob(const PlanItem &item, QObject *parent) const
{
    if (item.specAs<ReportItemSpec>())
        return makeReportJob(item, parent);
    const CheckItemSpec spec = *item.specAs<CheckItemSpec>();
    const QString output = item.outputPath;
    auto engine = m_engine;
    return new ChainedJob(
        QStringLiteral("Checking %1").arg(item.label),
        [engine, spec](QObject *owner) -> Result<Job *> { return engine->makeCheck(spec.mediaPath, owner); },
        [output](Job *child) -> Status {
            const Result<QualityReport> report = static_cast<QualityCheckJob *>(child)->result();
            if (!report)
                return report.error();
            const json j = *report;
            return AtomicFile::write(output, QByteArray::fromStdString(j.dump(1)));
        },
        parent);
}

Job *ChecksStage::makeReportJob(const PlanItem &item, QObject *parent) const
{
    const ReportItemSpec spec = *item.specAs<ReportItemSpec>();
    const QString output = item.outputPath;
    auto engine = m_engine;
    return new ChainedJob(
        QStringLiteral("Checking the final video"),
        [engine, spec](QObject *owner) -> Result<Job *> { return engine->makeProbe(spec.videoPath, owner); },
        [spec, output](Job *child) -> Status {
            const Result<ProbeInfo> probe = static_cast<MediaProbeJob *>(child)->result();
            if (!probe)
                return probe.error();
            QList<json> checks;
            QStringList labels;
            QList<qint64> durations;
            for (const ReportItemSpec::Scene &scene : spec.scenes) {
                const auto bytes = AtomicFile::read(scene.checkPath);
                if (!bytes)
                    return bytes.error();
                try {
                    checks.append(json::parse(bytes->toStdString()));
                } catch (const json::exception &e) {
                    return Error::io(QStringLiteral("The checks of %1 are damaged; render again.").arg(scene.label),
                                     QString::fromUtf8(e.what()));
                }
                const Result<NarrationResult> narration = NarrationCueFile::read(scene.cuesPath, {});
                if (!narration)
                    return narration.error();
                labels.append(scene.label);
                durations.append(narration->durationMs);
            }
            const json report = QualityChecks::aggregate(checks, labels, durations, *probe, spec.brief);
            return AtomicFile::write(output, QByteArray::fromStdString(report.dump(2)));
        },
        parent);
}

} // namespace diy
