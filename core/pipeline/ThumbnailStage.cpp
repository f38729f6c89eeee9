#include "pipeline/ThumbnailStage.h"

#include "pipeline/PlanBuilder.h"
#include "pipeline/SceneDesign.h"
#include "providers/FrameSpec.h"
#include "providers/PictureProvider.h"

namespace diy {

ThumbnailStage::ThumbnailStage(std::shared_ptr<const PictureProvider> cards) : m_cards(std::move(cards)) {}

RenderStage ThumbnailStage::id() const
{
    return RenderStage{QStringLiteral("thumbnail")};
}

QString ThumbnailStage::title() const
{
    return QStringLiteral("Thumbnail");
}

void ThumbnailStage::plan(PlanBuilder &builder) const
{
    const Project &project = builder.project();
    if (builder.scenes().isEmpty() || !project.script)
        return;
    // The intro scene's title card, laid out for a landscape thumbnail.
    auto spec = std::make_shared<FrameSpec>();
    spec->source = FrameSpec::Source::Card;
    spec->card = SceneDesign::cardContent(builder.scenes().first(), project.brief, project.script->title);
    spec->size = size();
    spec->provider = m_cards->info().id;
    spec->engineVersion = m_cards->engineVersion();
    spec->label = QStringLiteral("Thumbnail");
    PlanItem item;
    item.label = spec->label;
    item.key = PlanBuilder::keyOf(id(), *spec);
    spec->outputPath = builder.cacheFile(QStringLiteral("thumbnails"), item.key, QStringLiteral(".png"));
    item.outputPath = spec->outputPath;
    item.lane = PlanItem::Lane::Light;
    item.priority = 1;
    item.spec = spec;
    builder.add(*this, item);
}

Job *ThumbnailStage::makeJob(const PlanItem &item, QObject *parent) const
{
    return m_cards->makeFrame(*item.specAs<FrameSpec>(), parent);
}

} // namespace diy
