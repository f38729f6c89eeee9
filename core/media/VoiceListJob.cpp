#include "media/VoiceListJob.h"

#include "media/MediaTools.h"

#include <QProcess>
#include <QTimer>

#include <algorithm>

namespace diy {

namespace {
constexpr int kTimeoutMs = 15000;
}

VoiceListJob::VoiceListJob(QObject *parent) : ValueJob<VoiceList>(parent), m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    m_timeout->setInterval(kTimeoutMs);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        if (m_process)
            m_process->kill();
        finish(Error::process(QStringLiteral("Listing the installed voices took too long.")));
    });
}

VoiceListJob::~VoiceListJob()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

VoiceList VoiceListJob::parse(const QByteArray &table)
{
    VoiceList voices;
    const QList<QByteArray> lines = table.split('\n');
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QStringLiteral("Pty")))
            continue;
        const QStringList cols = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (cols.size() < 5)
            continue;
        bool priority = false;
        cols.at(0).toInt(&priority);
        if (!priority)
            continue;
        const QString id = cols.at(1);
        const QString file = cols.at(4);
        if (file.startsWith(QStringLiteral("mb/")))
            continue;
        if (std::any_of(voices.cbegin(), voices.cend(), [&](const VoiceInfo &v) { return v.id == id; }))
            continue;
        VoiceInfo v;
        v.id = id;
        v.displayName = QString(cols.at(3)).replace(QLatin1Char('_'), QLatin1Char(' '));
        const QString gender = cols.at(2).section(QLatin1Char('/'), 1);
        v.gender = gender == QStringLiteral("M") || gender == QStringLiteral("F") ? gender : QString();
        voices.append(v);
    }
    std::sort(voices.begin(), voices.end(), [](const VoiceInfo &a, const VoiceInfo &b) {
        const int byName = QString::localeAwareCompare(a.displayName, b.displayName);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    return voices;
}

void VoiceListJob::run()
{
    const auto program = MediaTools::locate(MediaTools::Tool::EspeakNg);
    if (!program) {
        finish(program.error());
        return;
    }
    m_process = new QProcess(this);
    m_process->setProgram(*program);
    m_process->setArguments({QStringLiteral("--voices")});
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        m_timeout->stop();
        if (cancelRequested()) {
            finish(Error::cancelled());
            return;
        }
        if (status != QProcess::NormalExit || code != 0) {
            finish(Error::process(QStringLiteral("Could not list the installed voices."),
                                  QString::fromUtf8(m_process->readAllStandardError()).right(2000)));
            return;
        }
        succeed(parse(m_process->readAllStandardOutput()));
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            m_timeout->stop();
            finish(Error::process(QStringLiteral("Could not start espeak-ng to list the voices."), m_process->errorString()));
        }
    });
    m_timeout->start();
    m_process->start();
}

void VoiceListJob::abort()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill(); // finished() follows and reports the cancellation
        return;
    }
    finish(Error::cancelled());
}

} // namespace diy
