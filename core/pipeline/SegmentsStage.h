#pragma once

#include "pipeline/Stage.h"

#include <memory>

namespace diy {

class AssemblyEngine;

/// One video segment per scene: its frame and narration with the captions burned in.
class SegmentsStage : public Stage {
public:
    explicit SegmentsStage(std::shared_ptr<const AssemblyEngine> engine);
    RenderStage id() const override { return RenderStage::Segments; }
    QString title() const override;
    double weight() const override { return 0.62; }
    void plan(PlanBuilder &builder) const override;
    Job *makeJob(const PlanItem &item, QObject *parent) const override;

private:
    std::shared_ptr<const AssemblyEngine> m_engine;
};

} // namespace diy
