#pragma once

#include "pipeline/Stage.h"

#include <memory>

namespace diy {

class AssemblyEngine;

/// Technical checks: one measurement per segment (cached), then the final file's technical report
/// (a probe of the video plus the segments' checks with the scenes' timing and the brief's target).
class ChecksStage : public Stage {
public:
    explicit ChecksStage(std::shared_ptr<const AssemblyEngine> engine);
    RenderStage id() const override { return RenderStage::Checks; }
    QString title() const override;
    double weight() const override { return 0.12; }
    void plan(PlanBuilder &builder) const override;
    Job *makeJob(const PlanItem &item, QObject *parent) const override;

private:
    Job *makeReportJob(const PlanItem &item, QObject *parent) const;
    std::shared_ptr<const AssemblyEngine> m_engine;
};

} // namespace diy
