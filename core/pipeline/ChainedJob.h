#pragma once

#include "util/Job.h"

#include <QPointer>

#include <functional>

namespace diy {

/// A job made of a preparation on the caller's thread (reading inputs, writing a small file), one
/// child job, and a finishing step after the child succeeded (storing its result). Progress and
/// cancel pass through to the child. Stages use it to wrap a provider's job with the item's own
/// bookkeeping, so a stage's executor stays one small function of the spec.
class ChainedJob : public Job {
    Q_OBJECT
public:
    /// Creates the child (not started), parented to the given object; an error ends the job.
    using Prepare = std::function<Result<Job *>(QObject *parent)>;
    /// Runs after the child succeeded; its status is the job's.
    using Complete = std::function<Status(Job *child)>;

    ChainedJob(QString label, Prepare prepare, Complete complete, QObject *parent = nullptr);

private:
    void run() override;
    void abort() override;

    QString m_label;
    Prepare m_prepare;
    Complete m_complete;
    QPointer<Job> m_child;
};

} // namespace diy
