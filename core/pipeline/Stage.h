#pragma once

#include "pipeline/PlanItem.h"
#include "pipeline/RenderStage.h"

#include <QObject>
#include <QString>

namespace diy {

class Job;
class PlanBuilder;

/// One kind of work in the pipeline. A stage plans its items (a spec per item, built from the
/// project through the PlanBuilder, with the items it depends on) and makes a job for an item
/// from that item alone. The scheduler knows items, dependencies and lanes, never stage details:
/// adding a stage is one class plus its registration in StageRegistry.
class Stage {
public:
    virtual ~Stage() = default;
    virtual RenderStage id() const = 0;
    /// For creators: "Scene images".
    virtual QString title() const = 0;
    /// Share of a full render's time this stage takes when nothing is cached (relative weights).
    virtual double weight() const = 0;
    /// Adds this stage's items to the plan (called in registration order).
    virtual void plan(PlanBuilder &builder) const = 0;
    /// Whether a finished output of `item` exists and is sound (default: every output file exists
    /// and is not empty).
    virtual bool isDone(const PlanItem &item) const;
    /// A new job (not started) that makes `item` from its spec, owned by `parent`.
    virtual Job *makeJob(const PlanItem &item, QObject *parent) const = 0;
};

} // namespace diy
