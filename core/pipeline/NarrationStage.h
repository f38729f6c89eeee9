#pragma once

#include "pipeline/Stage.h"

#include <memory>

namespace diy {

class VoiceProvider;

/// One narration clip per scene, spoken phrase by phrase (the caption chunks) with a cue file.
class NarrationStage : public Stage {
public:
    explicit NarrationStage(std::shared_ptr<const VoiceProvider> voice);
    RenderStage id() const override { return RenderStage::Narration; }
    QString title() const override;
    double weight() const override { return 0.16; }
    void plan(PlanBuilder &builder) const override;
    bool isDone(const PlanItem &item) const override;
    Job *makeJob(const PlanItem &item, QObject *parent) const override;

private:
    std::shared_ptr<const VoiceProvider> m_voice;
};

} // namespace diy
