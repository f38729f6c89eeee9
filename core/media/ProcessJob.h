#pragma once

#include "media/MediaTools.h"
#include "media/ProbeInfo.h"
#include "util/Job.h"
#include "util/Result.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace diy {

/// Base of the engine's jobs (the Job contract: start(), cancel(), progress, exactly one
/// finished(Status)): runs external programs through QProcess with argument lists (never a shell),
/// enforces a timeout, keeps the tail of each program's stderr for error details, and stops
/// everything promptly on cancel (terminate, then kill after 1.5 s); the job finishes cancelled once
/// every program has exited and its temporary files are gone. A subclass starts its programs with
/// launch() from begin() and ends the job with succeed() after storing its value; failures of any
/// program end the job through fail().
class ProcessJob : public Job {
    Q_OBJECT
public:
    explicit ProcessJob(QObject *parent = nullptr);
    ~ProcessJob() override;

    /// The whole job fails with Error::Kind::Timeout after this long (0: no limit). Default 10 min.
    void setTimeoutMs(int ms);
    /// The last lines of stderr of the most recent program that wrote any.
    QString stderrTail() const { return QString::fromUtf8(m_stderrTail); }

    static constexpr int kKillDelayMs = 1500;

protected:
    struct Launch {
        MediaTools::Tool tool = MediaTools::Tool::Ffmpeg;
        QStringList arguments;
        QString description;                                         ///< for messages: "encoding the segment"
        std::function<void(const QByteArray &)> onStdout;            ///< each chunk as it arrives
        std::function<void(const QByteArray &stderrData)> onSuccess; ///< exit code 0
        bool keepFullStderr = false; ///< pass all of stderr to onSuccess (analysis runs: ebur128…)
    };

    /// Called once from the event loop after start(): launch the first programs.
    virtual void begin() = 0;
    /// Remove temporary files; called once before the job finishes, whatever the outcome.
    virtual void cleanup() {}

    /// Starts a program; false (and the job already failed) when it cannot be located.
    bool launch(Launch launch);
    /// Ends the job with an error once every program has stopped (first end wins).
    void fail(const Error &error);
    /// Ends the job successfully (the subclass stored its value first); false if it already ended.
    bool succeed();
    int runningProcesses() const { return static_cast<int>(m_running.size()); }
    /// Reports progress (throttled to steps of 0.1 %).
    void reportFraction(double fraction);
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
    void run() final;
    void abort() final;
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
    bool m_ended = false;
    double m_lastProgress = -1;
};

} // namespace diy
