#pragma once

#include "pipeline/Stage.h"

#include <QSize>

#include <memory>

namespace diy {

class PictureProvider;

/// The video's thumbnail: a 1280x720 designed title card (what video sites show before anyone
/// presses play), written next to the video. Added as one class plus one line in StageRegistry —
/// the stage architecture's proof that a new kind of work needs no switch elsewhere.
class ThumbnailStage : public Stage {
public:
    explicit ThumbnailStage(std::shared_ptr<const PictureProvider> cards);
    RenderStage id() const override;
    QString title() const override;
    double weight() const override { return 0.01; }
    void plan(PlanBuilder &builder) const override;
    Job *makeJob(const PlanItem &item, QObject *parent) const override;

    static QSize size() { return {1280, 720}; }

private:
    std::shared_ptr<const PictureProvider> m_cards;
};

} // namespace diy
