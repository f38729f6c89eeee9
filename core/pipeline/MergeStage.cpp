#include "pipeline/MergeStage.h"

#include "media/MergeJob.h"
#include "media/NarrationCueFile.h"
#include "pipeline/ChainedJob.h"
#include "pipeline/MergeItemSpec.h"
#include "pipeline/PlanBuilder.h"
#include "pipeline/SceneNarrationSpec.h"
#include "providers/AssemblyEngine.h"
#include "store/ProjectFiles.h"
#include "store/ProjectStore.h"
#include "util/ContentHash.h"

#include <QDir>
#include <QRegularExpression>

namespace diy {

namespace {
QString slugOf(const QString &name)
{
    static const QRegularExpression nonWord(QStringLiteral("[^a-z0-9]+"));
    QString slug = name.toLower();
    slug.replace(nonWord, QStringLiteral("-"));
    slug = slug.left(60);
    while (slug.startsWith(QLatin1Char('-')))
        slug.remove(0, 1);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("video") : slug;
}
} // namespace

MergeStage::MergeStage(std::shared_ptr<const AssemblyEngine> engine) : m_engine(std::move(engine)) {}

QString MergeStage::title() const
{
    return QStringLiteral("Merge");
}

QString MergeStage::videoPath(const PlanBuilder &builder, const QString &key)
{
    const Project &project = builder.project();
    const QString slug = slugOf(project.name.isEmpty() && project.script ? project.script->title : project.name);
    return QDir(ProjectStore::rendersDir(builder.projectDir())).absoluteFilePath(QStringLiteral("%1-%2.mp4").arg(slug, key.left(8)));
}

void MergeStage::plan(PlanBuilder &builder) const
{
    const int scenes = int(builder.scenes().size());
    if (scenes == 0)
        return;
    auto spec = std::make_shared<MergeItemSpec>();
    spec->engineVersion = m_engine->engineVersion();
    PlanItem item;
    for (int i = 0; i < scenes; ++i) {
        const int segment = builder.indexOf(RenderStage::Segments, i);
        const PlanItem *narration = builder.find(RenderStage::Narration, i);
        if (segment < 0 || !narration)
            return;
        spec->parts.append({builder.items().at(segment).key, builder.items().at(segment).outputPath,
                            narration->specAs<SceneNarrationSpec>()->cuesPath()});
        item.inputs.append(segment);
        item.inputs.append(builder.indexOf(RenderStage::Narration, i));
    }
    const Brief &brief = builder.project().brief;
    if (!brief.musicFile.isEmpty()) {
        const Result<QString> resolved = ProjectFiles::resolve(builder.projectDir(), brief.musicFile, ProjectFiles::kMaxMusicBytes);
        spec->musicPath = resolved ? *resolved : builder.projectFile(brief.musicFile);
        spec->musicSha = ContentHash::ofFile(spec->musicPath);
        spec->musicVolume = brief.musicVolume;
    }
    item.label = QStringLiteral("Final video");
    item.key = PlanBuilder::keyOf(id(), *spec);
    item.outputPath = videoPath(builder, item.key);
    item.lane = PlanItem::Lane::Encode;
    item.spec = spec;
    builder.add(*this, item);
}

Job *MergeStage::makeJob(const PlanItem &item, QObject *parent) const
{
    const MergeItemSpec spec = *item.specAs<MergeItemSpec>();
    const QString output = item.outputPath;
    auto engine = m_engine;
    return new ChainedJob(
        QStringLiteral("Joining the scenes"),
        [engine, spec, output](QObject *owner) -> Result<Job *> {
            MergeSpec merge;
            for (const MergeItemSpec::Part &part : spec.parts) {
                merge.segmentPaths.append(part.segmentPath);
                const Result<NarrationResult> narration = NarrationCueFile::read(part.cuesPath, {});
                if (!narration)
                    return narration.error();
                merge.totalDurationMs += narration->durationMs;
            }
            merge.outputPath = output;
            merge.musicPath = spec.musicPath;
            merge.musicVolume = spec.musicVolume;
            return engine->makeMerge(merge, owner);
        },
        {}, parent);
}

} // namespace diy
