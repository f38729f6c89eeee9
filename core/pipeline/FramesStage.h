#pragma once

#include "pipeline/Stage.h"
#include "providers/FrameSpec.h"

#include <memory>

namespace diy {

class PictureProvider;
class PlanBuilder;

/// Scene pictures at the frame size: a designed card, or the scene's picture (the creator's photo
/// or a generated one) framed with its overlays.
class FramesStage : public Stage {
public:
    FramesStage(std::shared_ptr<const PictureProvider> cards, std::shared_ptr<const PictureProvider> photos);
    RenderStage id() const override { return RenderStage::Frames; }
    QString title() const override;
    double weight() const override { return 0.04; }
    void plan(PlanBuilder &builder) const override;
    Job *makeJob(const PlanItem &item, QObject *parent) const override;

    /// The spec of scene `index`'s frame (also what the studio's thumbnails paint).
    FrameSpec frameSpec(const PlanBuilder &builder, int index) const;

private:
    std::shared_ptr<const PictureProvider> m_cards;
    std::shared_ptr<const PictureProvider> m_photos;
};

} // namespace diy
