#pragma once

#include "media/MediaTools.h"
#include "media/ProbeInfo.h"
#include "util/Result.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace diy {

/// Base of the engine's jobs: runs external programs through QProcess with argument lists (never a
/// shell), enforces a timeout, keeps the tail of each program's stderr for error details, and
/// stops everything promptly on cancel (terminate, then kill after 1.5 s). A subclass starts its
/// programs with launch() and ends the job exactly once with its own finished(...) signal via
/// finishWith(); failures of any program end the job through emitFailure().
class ProcessJob : public QObject {
    Q_OBJECT
public:
    explicit ProcessJob(QObject *parent = nullptr);
    ~ProcessJob() override;

    /// Starts the work on the next event-loop turn; a second call does nothing.
    void start();
    /// Stops every running program; the job then finishes with Error::Kind::Cancelled.
    void cancel();
    /// The whole job fails with Error::Kind::Timeout after this long (0: no limit). Default 10 min.
    void setTimeoutMs(int ms);

    bool isRunning() const { return m_started && !m_finished; }
    bool isFinished() const { return m_finished; }
    /// The last lines of stderr of the most recent program that wrote any.
    QString stderrTail() const { return QString::fromUtf8(m_stderrTail); }

    static constexpr int kKillDelayMs = 1500;

signals:
    void progressChanged(double fraction);

protected:
    struct Launch {
        MediaTools::Tool tool = MediaTools::Tool::Ffmpeg;
        QStringList arguments;
        QString description;                             ///< for messages: "encoding the segment"
        std::function<void(const QByteArray &)> onStdout; ///< each chunk as it arrives
        std::function<void(const QByteArray &stderrData)> onSuccess; ///< exit code 0
        bool keepFullStderr = false; ///< pass all of stderr to onSuccess (analysis runs: ebur128…)
    };

    /// Called once from the event loop after start().
    virtual void run() = 0;
    /// Emit the subclass's finished(...) carrying this error.
    virtual void emitFailure(const Error &error) = 0;
    /// Remove temporary files; called once before the job finishes, whatever the outcome.
    virtual void cleanup() {}

    /// Starts a program; false (and the job already failed) when it cannot be located.
    bool launch(Launch launch);
    /// Ends the job with an error (first end wins).
    void fail(const Error &error);
    /// Marks the job finished before the subclass emits its success; false if it already ended.
    bool finishWith();
    int runningProcesses() const { return static_cast<int>(m_running.size()); }
    bool cancelRequested() const { return m_cancelRequested; }
    void reportProgress(double fraction);
    /// Runs ffprobe on `path` (which must exist) and calls `onProbed` with what it found, faststart
    /// included; a missing file or unreadable answer fails the job. False when it could not start.
    bool launchProbe(const QString &path, std::function<void(ProbeInfo)> onProbed);
    /// Moves the finished temporary output onto its final name, clears `*temporaryPath` and reports
    /// progress 1.0; on failure the job fails and false is returned.
    bool commitOutput(QString *temporaryPath, const QString &finalPath);
    /// Feeds ffmpeg's `-progress pipe:1` output (any chunking); reports out_time against totalMs.
    void readFfmpegProgress(const QByteArray &data, qint64 totalMs);
    /// A unique temporary name next to finalPath (same folder, so the final rename is atomic).
    static QString temporaryPathFor(const QString &finalPath);
    /// Moves a finished temporary file onto its final name; an Error if that fails.
    static Status commitFile(const QString &temporaryPath, const QString &finalPath);

private:
    void onProcessFinished(QProcess *process, int exitCode, QProcess::ExitStatus status);
    void onProcessErrorOccurred(QProcess *process, QProcess::ProcessError error);
    void stopProcesses();
    void endIfStopped();

    struct Running {
        Launch launch;
        QString program;
        QByteArray stderrData;
    };
    QHash<QProcess *, Running> m_running;
    QTimer m_timeout;
    QTimer m_killTimer;
    QByteArray m_stderrTail;
    QByteArray m_progressBuffer;
    QByteArray m_probeOutput;
    Error m_pendingError;
    bool m_hasPendingError = false;
    bool m_started = false;
    bool m_finished = false;
    bool m_cancelRequested = false;
    double m_lastProgress = -1;
};

} // namespace diy
