#include "pipeline/FramesStage.h"

#include "pipeline/PicturesStage.h"
#include "pipeline/PlanBuilder.h"
#include "pipeline/SceneDesign.h"
#include "providers/PictureProvider.h"
#include "store/ProjectFiles.h"
#include "util/ContentHash.h"

namespace diy {

FramesStage::FramesStage(std::shared_ptr<const PictureProvider> cards, std::shared_ptr<const PictureProvider> photos)
    : m_cards(std::move(cards)), m_photos(std::move(photos))
{
}

QString FramesStage::title() const
{
    return QStringLiteral("Scene images");
}

FrameSpec FramesStage::frameSpec(const PlanBuilder &builder, int index) const
{
    const Project &project = builder.project();
    const Scene &scene = builder.scenes().at(index);
    const SceneImage &image = project.sceneImages.at(index);
    FrameSpec spec;
    spec.size = builder.frameSize();
    spec.label = scene.displayName();
    // A picture the pictures stage draws in this run: found through its receipt when painted.
    const PlanItem *drawn = builder.find(RenderStage::Pictures, index);
    if (drawn) {
        spec.source = FrameSpec::Source::Picture;
        spec.pictureReceiptDir = PicturesStage::pictureDir(builder.projectDir());
        spec.pictureKey = drawn->key;
        spec.pictureSha = PicturesStage::identity(drawn->key);
        spec.pictureName = QStringLiteral("generated picture");
        spec.overlay = SceneDesign::photoOverlay(scene);
        spec.provider = m_photos->info().id;
        spec.engineVersion = m_photos->engineVersion();
    } else if (image.source == SceneImage::Source::Card || image.file.isEmpty()) {
        spec.source = FrameSpec::Source::Card;
        spec.card = SceneDesign::cardContent(scene, project.brief, project.script ? project.script->title : QString());
        spec.provider = m_cards->info().id;
        spec.engineVersion = m_cards->engineVersion();
    } else {
        spec.source = FrameSpec::Source::Picture;
        // The one rule for paths from a project file: inside the project, a regular file, bounded.
        const Result<QString> resolved = ProjectFiles::resolve(builder.projectDir(), image.file, ProjectFiles::kMaxImageBytes);
        spec.picturePath = resolved ? *resolved : builder.projectFile(image.file);
        // A generated picture is known by its spec's key, as while it was being drawn.
        spec.pictureSha = image.source == SceneImage::Source::Generated && !image.generationKey.isEmpty()
                              ? PicturesStage::identity(image.generationKey)
                          : image.sha256.isEmpty() ? ContentHash::ofFile(spec.picturePath)
                                                   : image.sha256;
        spec.pictureName = image.originalName.isEmpty() ? image.file : image.originalName;
        spec.overlay = SceneDesign::photoOverlay(scene);
        spec.provider = m_photos->info().id;
        spec.engineVersion = m_photos->engineVersion();
    }
    return spec;
}

void FramesStage::plan(PlanBuilder &builder) const
{
    for (int i = 0; i < int(builder.scenes().size()); ++i) {
        auto spec = std::make_shared<FrameSpec>(frameSpec(builder, i));
        PlanItem item;
        item.scene = i;
        item.label = spec->label;
        item.key = PlanBuilder::keyOf(id(), *spec);
        spec->outputPath = builder.cacheFile(QStringLiteral("frames"), item.key, QStringLiteral(".png"));
        item.outputPath = spec->outputPath;
        item.lane = PlanItem::Lane::Light;
        item.priority = 0;
        if (const int drawnItem = builder.indexOf(RenderStage::Pictures, i); drawnItem >= 0)
            item.inputs.append(drawnItem);
        item.spec = spec;
        builder.add(*this, item);
    }
}

Job *FramesStage::makeJob(const PlanItem &item, QObject *parent) const
{
    const FrameSpec *spec = item.specAs<FrameSpec>();
    Q_ASSERT(spec);
    const PictureProvider &provider = spec->source == FrameSpec::Source::Card ? *m_cards : *m_photos;
    return provider.makeFrame(*spec, parent);
}

} // namespace diy
