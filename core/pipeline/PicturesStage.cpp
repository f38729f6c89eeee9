#include "pipeline/PicturesStage.h"

#include "pipeline/PlanBuilder.h"
#include "providers/ImageGenerator.h"
#include "providers/PictureReceipt.h"
#include "store/ProjectStore.h"
#include "util/ContentHash.h"

#include <QDir>

namespace diy {

PicturesStage::PicturesStage(std::shared_ptr<ImageGenerator> images) : m_images(std::move(images)) {}

RenderStage PicturesStage::id() const
{
    return RenderStage::Pictures;
}

QString PicturesStage::title() const
{
    return QStringLiteral("AI pictures");
}

QString PicturesStage::pictureDir(const QString &projectDir)
{
    return QDir(projectDir).absoluteFilePath(QStringLiteral("assets/images"));
}

void PictureItemSpec::addTo(ContentHash &hash) const
{
    image.addTo(hash);
}

void PicturesStage::plan(PlanBuilder &builder) const
{
    const Project &project = builder.project();
    if (!m_images || project.imageProvider != m_images->info().id)
        return;
    const ProviderInfo info = m_images->info();
    const QString engine = m_images->engineVersion();
    const QString outputDir = pictureDir(builder.projectDir());
    const QList<Scene> &scenes = builder.scenes();

    // The reference of later scenes: the first generated scene's picture (drawn now or earlier).
    std::optional<GeneratedImageSpec::Reference> reference;
    QString referencePendingKey;
    int referenceItem = -1;

    for (int i = 0; i < int(scenes.size()) && i < int(project.sceneImages.size()); ++i) {
        const SceneImage &image = project.sceneImages.at(i);
        if (image.source != SceneImage::Source::Generated)
            continue;
        const Scene &scene = scenes.at(i);
        auto spec = std::make_shared<PictureItemSpec>();
        GeneratedImageSpec &g = spec->image;
        g.provider = info.id;
        g.model = info.defaultModel;
        g.prompt = image.prompt.isEmpty() ? scene.imagePrompt : image.prompt;
        g.style = project.imageStyle;
        g.format = project.brief.format;
        g.outputDir = outputDir;
        g.sceneLabel = scene.displayName();
        if (reference && info.referenceImages) {
            g.references.append(*reference);
            spec->pendingReferenceKeys.append(referencePendingKey);
        }
        spec->imageKey = g.key(engine);
        spec->engineVersion = engine;

        const bool hasPicture = !image.file.isEmpty();
        const bool upToDate = hasPicture && image.generationKey == spec->imageKey;
        // The picture this scene shows after the run, as the reference of the later scenes.
        const auto becomeReference = [&](const QString &key, const QString &pendingKey, int item) {
            if (reference)
                return;
            GeneratedImageSpec::Reference r;
            r.sha256 = identity(key);
            r.path = pendingKey.isEmpty() && hasPicture ? builder.projectFile(image.file) : QString();
            reference = r;
            referencePendingKey = pendingKey;
            referenceItem = item;
        };
        if (hasPicture && (upToDate || image.locked)) {
            // Locked pictures are never drawn again; up-to-date ones need nothing.
            becomeReference(image.generationKey.isEmpty() ? image.sha256 : image.generationKey, QString(), -1);
            continue;
        }

        PlanItem item;
        item.scene = i;
        item.label = scene.displayName();
        item.key = spec->imageKey;
        item.outputPath = PictureReceipt::pathFor(outputDir, spec->imageKey);
        item.lane = PlanItem::Lane::Remote;
        item.provider = info.id;
        item.maxConcurrency = info.maxConcurrency;
        item.priority = 0;
        if (!spec->pendingReferenceKeys.isEmpty() && !spec->pendingReferenceKeys.first().isEmpty() && referenceItem >= 0)
            item.inputs.append(referenceItem);
        item.spec = spec;
        const QString key = spec->imageKey;
        const int index = builder.add(*this, item);
        becomeReference(key, key, index);
    }
}

bool PicturesStage::isDone(const PlanItem &item) const
{
    const PictureItemSpec *spec = item.specAs<PictureItemSpec>();
    return spec && PictureReceipt::find(spec->image.outputDir, spec->imageKey).has_value();
}

Job *PicturesStage::makeJob(const PlanItem &item, QObject *parent) const
{
    const PictureItemSpec *spec = item.specAs<PictureItemSpec>();
    Q_ASSERT(spec && m_images);
    GeneratedImageSpec image = spec->image;
    // References drawn earlier in this run exist now: their receipts name the files. Only the
    // paths change here; the key (which names this picture's receipt) stays the plan's.
    for (int r = 0; r < int(image.references.size()) && r < int(spec->pendingReferenceKeys.size()); ++r) {
        const QString &pending = spec->pendingReferenceKeys.at(r);
        if (pending.isEmpty())
            continue;
        if (const auto drawn = PictureReceipt::find(image.outputDir, pending))
            image.references[r].path = drawn->path;
    }
    return m_images->generate(image, parent);
}

} // namespace diy
