#include "media/ProcessJob.h"

#include "util/AtomicFile.h"
#include "util/DiskErrors.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace diy {

namespace {
constexpr qsizetype kTailBytes = 4096;

Error timeoutError(int ms)
{
    Error e;
    e.kind = Error::Kind::Timeout;
    e.message = QStringLiteral("A media tool took longer than %1 seconds and was stopped.").arg(ms / 1000);
    e.retryable = true;
    return e;
}

QByteArray lastLines(const QByteArray &data, int lines)
{
    qsizetype pos = data.size();
    QByteArray trimmed = data;
    while (trimmed.endsWith('\n') || trimmed.endsWith('\r'))
        trimmed.chop(1);
    pos = trimmed.size();
    for (int i = 0; i < lines && pos > 0; ++i)
        pos = trimmed.lastIndexOf('\n', pos - 1);
    return pos <= 0 ? trimmed : trimmed.mid(pos + 1);
}
} // namespace

ProcessJob::ProcessJob(QObject *parent) : Job(parent)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(10 * 60 * 1000);
    connect(&m_timeout, &QTimer::timeout, this, [this] { fail(timeoutError(m_timeout.interval())); });
    m_killTimer.setSingleShot(true);
    m_killTimer.setInterval(kKillDelayMs);
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        for (QProcess *process : m_running.keys())
            process->kill();
    });
}

ProcessJob::~ProcessJob()
{
    // Never leave a program running behind a deleted job.
    for (QProcess *process : m_running.keys()) {
        disconnect(process, nullptr, this, nullptr);
        process->kill();
    }
}

void ProcessJob::setTimeoutMs(int ms)
{
    m_timeout.setInterval(std::max(0, ms));
}

void ProcessJob::run()
{
    if (m_timeout.interval() > 0)
        m_timeout.start();
    begin();
}

void ProcessJob::abort()
{
    fail(Error::cancelled());
}

void ProcessJob::fail(const Error &error)
{
    if (m_ended)
        return;
    if (!m_hasPendingError) {
        m_pendingError = error;
        m_hasPendingError = true;
    }
    stopProcesses();
    endIfStopped();
}

bool ProcessJob::succeed()
{
    if (m_ended || m_hasPendingError)
        return false;
    m_ended = true;
    m_timeout.stop();
    m_killTimer.stop();
    cleanup();
    finish(Status{});
    return true;
}

void ProcessJob::reportFraction(double fraction)
{
    fraction = std::clamp(fraction, 0.0, 1.0);
    if (fraction - m_lastProgress < 0.001 && !(fraction >= 1.0 && m_lastProgress < 1.0))
        return;
    m_lastProgress = fraction;
    reportProgress(fraction);
}

void ProcessJob::stopProcesses()
{
    if (m_running.isEmpty())
        return;
    for (QProcess *process : m_running.keys())
        process->terminate();
    if (!m_killTimer.isActive())
        m_killTimer.start();
}

void ProcessJob::endIfStopped()
{
    if (m_ended || !m_hasPendingError || !m_running.isEmpty())
        return;
    m_ended = true;
    m_timeout.stop();
    m_killTimer.stop();
    cleanup();
    finish(m_pendingError);
}

bool ProcessJob::launch(Launch spec)
{
    if (m_ended || m_hasPendingError)
        return false;
    const Result<QString> program = MediaTools::locate(spec.tool);
    if (!program) {
        fail(program.error());
        return false;
    }
    auto *process = new QProcess(this);
    process->setProgram(*program);
    process->setArguments(spec.arguments);
    process->setProcessChannelMode(QProcess::SeparateChannels);
    process->setStandardInputFile(QProcess::nullDevice());
    m_running.insert(process, Running{std::move(spec), *program, {}});

    connect(process, &QProcess::readyReadStandardOutput, this, [this, process] {
        const QByteArray data = process->readAllStandardOutput();
        const auto it = m_running.find(process);
        if (it != m_running.end() && it->launch.onStdout && !m_hasPendingError)
            it->launch.onStdout(data);
    });
    connect(process, &QProcess::readyReadStandardError, this, [this, process] {
        const QByteArray data = process->readAllStandardError();
        const auto it = m_running.find(process);
        if (it == m_running.end())
            return;
        if (it->launch.keepFullStderr) {
            it->stderrData += data;
        } else {
            it->stderrData = QByteArray(it->stderrData + data).right(kTailBytes);
        }
        m_stderrTail = QByteArray(m_stderrTail + data).right(kTailBytes);
    });
    connect(process, &QProcess::finished, this,
            [this, process](int exitCode, QProcess::ExitStatus status) { onProcessFinished(process, exitCode, status); });
    connect(process, &QProcess::errorOccurred, this,
            [this, process](QProcess::ProcessError error) { onProcessErrorOccurred(process, error); });
    process->start();
    return true;
}

void ProcessJob::onProcessErrorOccurred(QProcess *process, QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return; // crashes arrive through finished()
    const auto it = m_running.find(process);
    if (it == m_running.end())
        return;
    const QString program = QFileInfo(it->program).fileName();
    const QString detail = process->errorString();
    m_running.erase(it);
    process->deleteLater();
    fail(Error::process(QStringLiteral("Could not start %1.").arg(program), detail));
}

void ProcessJob::onProcessFinished(QProcess *process, int exitCode, QProcess::ExitStatus status)
{
    const auto it = m_running.find(process);
    if (it == m_running.end())
        return;
    Running running = std::move(*it);
    m_running.erase(it);
    process->deleteLater();
    const QByteArray rest = process->readAllStandardOutput();
    running.stderrData += process->readAllStandardError();
    if (m_hasPendingError || m_ended) {
        endIfStopped();
        return;
    }
    if (!rest.isEmpty() && running.launch.onStdout)
        running.launch.onStdout(rest);
    const QString program = QFileInfo(running.program).fileName();
    const QString tail = QString::fromUtf8(lastLines(running.stderrData, 6));
    // A full disk fails the program whatever its exit code: ffmpeg exits 0 when it cannot write
    // its trailer ("Error writing trailer of …: No space left on device") and leaves a cut file.
    const bool diskFull = DiskErrors::isDiskFull(0, tail);
    if (status == QProcess::CrashExit || exitCode != 0 || diskFull) {
        if (diskFull) {
            // Name the folder that is full: where the program wrote its temporary output (the
            // last ".partial-" argument: an input may be a partial too), else its last argument
            // (ffmpeg's output).
            const QStringList &args = running.launch.arguments;
            const auto partial = std::find_if(args.crbegin(), args.crend(),
                                              [](const QString &a) { return a.contains(QStringLiteral(".partial-")); });
            const QString written = partial != args.crend() ? *partial : args.isEmpty() ? QString() : args.last();
            fail(DiskErrors::noSpace(written, QStringLiteral("%1: %2").arg(program, tail)));
            return;
        }
        fail(Error::process(
            QStringLiteral("%1 failed while %2.")
                .arg(program, running.launch.description.isEmpty() ? QStringLiteral("working") : running.launch.description),
            status == QProcess::CrashExit ? QStringLiteral("crashed; %1").arg(tail)
                                          : QStringLiteral("exit code %1; %2").arg(exitCode).arg(tail)));
        return;
    }
    if (running.launch.onSuccess)
        running.launch.onSuccess(running.stderrData);
}

QString ProcessJob::temporaryPathFor(const QString &finalPath)
{
    static QAtomicInteger<quint32> counter;
    const QFileInfo info(finalPath);
    return info.absolutePath() + QStringLiteral("/.") + info.fileName()
           + QStringLiteral(".partial-%1-%2").arg(QCoreApplication::applicationPid()).arg(counter.fetchAndAddRelaxed(1));
}

Status ProcessJob::commitFile(const QString &temporaryPath, const QString &finalPath)
{
    QDir().mkpath(QFileInfo(finalPath).absolutePath());
    return AtomicFile::commit(temporaryPath, finalPath);
}

void ProcessJob::readFfmpegProgress(const QByteArray &data, qint64 totalMs)
{
    if (totalMs <= 0)
        return;
    m_progressBuffer += data;
    qsizetype newline = 0;
    while ((newline = m_progressBuffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_progressBuffer.left(newline).trimmed();
        m_progressBuffer.remove(0, newline + 1);
        if (line.startsWith("out_time_us=")) {
            bool ok = false;
            const qint64 us = line.mid(12).toLongLong(&ok);
            if (ok && us >= 0)
                reportFraction(static_cast<double>(us) / (static_cast<double>(totalMs) * 1000.0));
        }
    }
}

bool ProcessJob::launchProbe(const QString &path, std::function<void(ProbeInfo)> onProbed)
{
    if (!QFileInfo::exists(path)) {
        fail(Error::notFound(QStringLiteral("%1 does not exist.").arg(path)));
        return false;
    }
    m_probeOutput.clear();
    Launch probe;
    probe.tool = MediaTools::Tool::Ffprobe;
    probe.arguments = {QStringLiteral("-v"),
                       QStringLiteral("error"),
                       QStringLiteral("-print_format"),
                       QStringLiteral("json"),
                       QStringLiteral("-show_format"),
                       QStringLiteral("-show_streams"),
                       QStringLiteral("--"),
                       path};
    probe.description = QStringLiteral("reading %1").arg(QFileInfo(path).fileName());
    probe.onStdout = [this](const QByteArray &data) { m_probeOutput += data; };
    probe.onSuccess = [this, path, onProbed = std::move(onProbed)](const QByteArray &) {
        Result<ProbeInfo> info = ProbeInfo::fromFfprobeJson(m_probeOutput);
        if (!info) {
            fail(info.error());
            return;
        }
        info->faststart = ProbeInfo::moovBeforeMdat(path);
        onProbed(std::move(info).value());
    };
    return launch(std::move(probe));
}

bool ProcessJob::commitOutput(QString *temporaryPath, const QString &finalPath)
{
    const Status committed = commitFile(*temporaryPath, finalPath);
    if (!committed) {
        fail(committed.error());
        return false;
    }
    temporaryPath->clear();
    reportFraction(1.0);
    return true;
}

} // namespace diy
