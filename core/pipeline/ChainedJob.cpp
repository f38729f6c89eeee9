#include "pipeline/ChainedJob.h"

namespace diy {

ChainedJob::ChainedJob(QString label, Prepare prepare, Complete complete, QObject *parent)
    : Job(parent), m_label(std::move(label)), m_prepare(std::move(prepare)), m_complete(std::move(complete))
{
}

void ChainedJob::run()
{
    Result<Job *> prepared = m_prepare(this);
    if (!prepared) {
        finish(prepared.error());
        return;
    }
    m_child = *prepared;
    connect(m_child, &Job::progressChanged, this,
            [this](const JobProgress &p) { reportProgress(p.fraction, p.message.isEmpty() ? m_label : p.message, p.etaMs); });
    connect(m_child, &Job::finished, this, [this](const Status &status) {
        Job *child = m_child;
        if (!status || cancelRequested()) {
            finish(status ? Status(Error::cancelled()) : status);
        } else {
            finish(m_complete ? m_complete(child) : Status{});
        }
        child->deleteLater();
    });
    m_child->start();
}

void ChainedJob::abort()
{
    if (m_child && !m_child->isFinished())
        m_child->cancel(); // finishes this job when the child has stopped
    else
        finish(Error::cancelled());
}

} // namespace diy
