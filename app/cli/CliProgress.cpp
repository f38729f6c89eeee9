#include "CliProgress.h"

#include "CliCommand.h"
#include "util/Job.h"

#include <QTimer>

#include <atomic>
#include <csignal>

namespace diy::cli {

namespace {

std::atomic<bool> g_interrupted{false};

void onSignal(int)
{
    g_interrupted = true;
}

} // namespace

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("--:--");
    const qint64 s = (ms + 500) / 1000;
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString bar(double fraction, int width)
{
    const int filled = int(qBound(0.0, fraction, 1.0) * width + 0.5);
    return QString(filled, QChar(0x2588)) + QString(width - filled, QChar(0x2591));
}

int exitCodeFor(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::InvalidInput:
    case Error::Kind::NotFound: return ExitBadInput;
    case Error::Kind::MissingTool: return ExitMissingTool;
    case Error::Kind::Cancelled: return ExitCancelled;
    case Error::Kind::Network: return ExitUnavailable; // a picture, voice or media server could not be reached
    default: return ExitFailure;
    }
}

InterruptGuard::InterruptGuard(Job *job) : m_poll(new QTimer)
{
    g_interrupted = false;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    auto *timer = static_cast<QTimer *>(m_poll);
    QObject::connect(timer, &QTimer::timeout, job, [job] {
        if (g_interrupted.exchange(false))
            job->cancel();
    });
    timer->start(100);
}

InterruptGuard::~InterruptGuard()
{
    delete m_poll;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

} // namespace diy::cli
