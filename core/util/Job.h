#pragma once

#include "util/Result.h"

#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <optional>

namespace diy {

/// How far a job has come: a fraction 0..1 (or -1 when it cannot tell), the estimated time left
/// (-1 when not known yet) and a short message for the creator ("Encoding Step 2").
struct JobProgress {
    double fraction = -1.0;
    qint64 etaMs = -1;
    QString message;
};

/// The one contract of every asynchronous job in the product: processes, HTTP exchanges, gateway
/// calls, painting in a thread pool, whole pipeline runs.
///
/// - `start()` begins the work on the next event-loop turn, so callers may connect after calling it;
///   a second call does nothing.
/// - `progressChanged()` reports fraction, ETA and a message; the fraction never moves backwards,
///   and a job that succeeds reports 1.0 before it finishes.
/// - `finished(Status)` is emitted exactly once for a job that was started or cancelled, always
///   from the event loop (never from inside `start()` or `cancel()`). A typed job (ValueJob<T>)
///   offers its value through `result()` once finished.
/// - `cancel()` asks the job to stop. The job stops its work (processes are terminated, requests
///   aborted, pool tasks told to stop) and then finishes with `Error::Kind::Cancelled`; anything it
///   had half-written is removed. Cancelling a finished job does nothing; cancelling a job that was
///   never started finishes it cancelled without running it.
/// - Ownership: the creator owns the job (QObject parent or a smart pointer). A job never deletes
///   itself; the usual pattern is `job->deleteLater()` inside the finished handler. Deleting a
///   running job stops its work silently: no finished() is emitted.
class Job : public QObject {
    Q_OBJECT
public:
    explicit Job(QObject *parent = nullptr);
    ~Job() override;

    void start();
    void cancel();

    bool isStarted() const { return m_started; }
    bool isRunning() const { return m_started && !m_finished; }
    bool isFinished() const { return m_finished; }
    /// The outcome, valid once finished.
    const Status &status() const { return m_status; }
    const JobProgress &progress() const { return m_progress; }

signals:
    void progressChanged(const diy::JobProgress &progress);
    /// Exactly once; on failure the error's message names the problem and what to do.
    void finished(const diy::Status &status);

protected:
    /// Begins the work; called once from the event loop after start().
    virtual void run() = 0;
    /// Stops the work after cancel(). The job finishes when finish() is called; a job whose work
    /// stops at once does not need to override this (the default finishes it cancelled).
    virtual void abort();

    /// Ends the job; the first call wins, later calls are ignored. Queued: finished() is emitted
    /// on the next event-loop turn when called during start() or cancel().
    void finish(const Status &status);
    /// Reports progress; the ETA is estimated from the time since start unless given.
    void reportProgress(double fraction, const QString &message = {}, qint64 etaMs = -1);
    bool cancelRequested() const { return m_cancelRequested; }
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }

private:
    void emitFinished();

    QElapsedTimer m_clock;
    JobProgress m_progress;
    Status m_status;
    bool m_started = false;
    bool m_running = false; ///< run() has been called
    bool m_finished = false;
    bool m_finishQueued = false;
    bool m_cancelRequested = false;
    bool m_inCall = false; ///< inside start()/cancel(): finish() must not emit synchronously
};

/// A job that produces a value: result() is the value or the job's error once finished.
template <typename T>
class ValueJob : public Job {
public:
    using Job::Job;
    Result<T> result() const
    {
        if (!isFinished())
            return Error::internal(QStringLiteral("The job has not finished yet."));
        if (!status())
            return status().error();
        return *m_value;
    }

protected:
    /// Ends the job successfully with its value.
    void succeed(T value)
    {
        if (isFinished())
            return;
        m_value = std::move(value);
        finish(Status{});
    }

private:
    std::optional<T> m_value;
};

} // namespace diy

Q_DECLARE_METATYPE(diy::JobProgress)
