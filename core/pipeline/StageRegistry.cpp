#include "pipeline/StageRegistry.h"

#include "pipeline/ChecksStage.h"
#include "pipeline/FramesStage.h"
#include "pipeline/MergeStage.h"
#include "pipeline/NarrationStage.h"
#include "pipeline/PicturesStage.h"
#include "pipeline/SegmentsStage.h"
#include "pipeline/ThumbnailStage.h"
#include "providers/CardPictureProvider.h"
#include "providers/EspeakVoiceProvider.h"
#include "providers/LocalAssemblyEngine.h"
#include "providers/PhotoPictureProvider.h"

namespace diy {

ProviderSet ProviderSet::offline(QThreadPool *pool)
{
    ProviderSet set;
    set.cards = std::make_shared<CardPictureProvider>(pool);
    set.photos = std::make_shared<PhotoPictureProvider>(pool);
    set.voice = std::make_shared<EspeakVoiceProvider>();
    set.assembly = std::make_shared<LocalAssemblyEngine>();
    return set;
}

StageRegistry::~StageRegistry() = default;

void StageRegistry::add(std::unique_ptr<Stage> stage)
{
    m_view.push_back(stage.get());
    m_stages.push_back(std::move(stage));
}

const Stage *StageRegistry::find(const RenderStage &id) const
{
    for (const Stage *stage : m_view)
        if (stage->id() == id)
            return stage;
    return nullptr;
}

StageRegistry StageRegistry::standard(const ProviderSet &providers)
{
    StageRegistry registry;
    registry.add(std::make_unique<PicturesStage>(providers.images)); // before frames: they use its items
    registry.add(std::make_unique<FramesStage>(providers.cards, providers.photos));
    registry.add(std::make_unique<NarrationStage>(providers.voice));
    registry.add(std::make_unique<SegmentsStage>(providers.assembly));
    registry.add(std::make_unique<MergeStage>(providers.assembly));
    registry.add(std::make_unique<ChecksStage>(providers.assembly));
    registry.add(std::make_unique<ThumbnailStage>(providers.cards));
    return registry;
}

const StageRegistry &StageRegistry::catalog()
{
    static const StageRegistry registry = standard(ProviderSet::offline());
    return registry;
}

} // namespace diy
