#include "util/Job.h"

#include <QMetaObject>
#include <QTimer>

namespace diy {

namespace {
struct CallGuard {
    explicit CallGuard(bool &flag) : m_flag(flag), m_previous(flag) { m_flag = true; }
    ~CallGuard() { m_flag = m_previous; }
    bool &m_flag;
    bool m_previous;
};
} // namespace

Job::Job(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<diy::JobProgress>();
}

Job::~Job() = default;

void Job::start()
{
    if (m_started || m_finished)
        return;
    m_started = true;
    m_clock.start();
    QTimer::singleShot(0, this, [this] {
        if (m_finished || m_cancelRequested)
            return;
        m_running = true;
        run();
    });
}

void Job::cancel()
{
    if (m_finished || m_cancelRequested)
        return;
    m_cancelRequested = true;
    const CallGuard guard(m_inCall);
    if (!m_running) {
        // Never ran: nothing to stop.
        m_started = true;
        finish(Error::cancelled());
        return;
    }
    abort();
}

void Job::abort()
{
    finish(Error::cancelled());
}

void Job::finish(const Status &status)
{
    if (m_finished || m_finishQueued)
        return;
    m_status = status;
    if (m_inCall) {
        m_finishQueued = true;
        QMetaObject::invokeMethod(this, &Job::emitFinished, Qt::QueuedConnection);
        return;
    }
    emitFinished();
}

void Job::emitFinished()
{
    if (m_finished)
        return;
    if (m_status && m_progress.fraction < 1.0) {
        // A successful job always ends its progress at 100 %.
        m_progress.fraction = 1.0;
        m_progress.etaMs = 0;
        emit progressChanged(m_progress);
    }
    m_finished = true;
    emit finished(m_status);
}

void Job::reportProgress(double fraction, const QString &message, qint64 etaMs)
{
    if (m_finished)
        return;
    if (fraction >= 0.0)
        fraction = qBound(0.0, qMax(fraction, m_progress.fraction), 1.0);
    if (etaMs < 0 && fraction > 0.01 && m_clock.isValid())
        etaMs = qint64(double(m_clock.elapsed()) * (1.0 - fraction) / fraction);
    const bool changed = fraction != m_progress.fraction || etaMs != m_progress.etaMs || message != m_progress.message;
    m_progress = {fraction, etaMs, message.isEmpty() ? m_progress.message : message};
    if (changed)
        emit progressChanged(m_progress);
}

} // namespace diy
