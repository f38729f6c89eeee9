#pragma once

#include "pipeline/Stage.h"

#include <memory>

namespace diy {

class AssemblyEngine;

/// The final video: the segments joined in order (stream copy), with the creator's music if any.
class MergeStage : public Stage {
public:
    explicit MergeStage(std::shared_ptr<const AssemblyEngine> engine);
    RenderStage id() const override { return RenderStage::Merge; }
    QString title() const override;
    double weight() const override { return 0.06; }
    void plan(PlanBuilder &builder) const override;
    Job *makeJob(const PlanItem &item, QObject *parent) const override;

    /// renders/<slug of the project name>-<first 8 of key>.mp4 (absolute)
    static QString videoPath(const PlanBuilder &builder, const QString &key);

private:
    std::shared_ptr<const AssemblyEngine> m_engine;
};

} // namespace diy
