#include "media/VoiceSampleJob.h"

#include "media/MediaTools.h"
#include "media/VoiceListJob.h"

#include <QFileInfo>
#include <QProcess>
#include <QTimer>

#include <algorithm>

namespace diy {

namespace {
constexpr int kTimeoutMs = 20000;
}

VoiceSampleJob::VoiceSampleJob(const Spec &spec, QObject *parent) : QObject(parent), m_spec(spec) {}

VoiceSampleJob::~VoiceSampleJob()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

QString VoiceSampleJob::sampleSentence()
{
    return QStringLiteral("Hello! This is how I will sound in your video. First, fold the paper in half.");
}

void VoiceSampleJob::start()
{
    // espeak-ng quietly speaks an unknown voice with its default one: check the id against the
    // installed voices first.
    auto *list = new VoiceListJob(this);
    connect(list, &VoiceListJob::finished, this, [this, list](const Result<VoiceList> &voices) {
        list->deleteLater();
        if (m_done)
            return;
        if (!voices) {
            finish(voices.error());
            return;
        }
        const bool installed = std::any_of(voices->cbegin(), voices->cend(), [this](const VoiceInfo &v) { return v.id == m_spec.voice; });
        if (!installed) {
            finish(Error::invalidInput(QStringLiteral("\"%1\" is not a voice installed on this computer. Pick one from the list of "
                                                      "installed voices.")
                                           .arg(m_spec.voice)));
            return;
        }
        speak();
    });
    list->start();
}

void VoiceSampleJob::speak()
{
    const auto program = MediaTools::locate(MediaTools::Tool::EspeakNg);
    if (!program) {
        const Error error = program.error();
        QTimer::singleShot(0, this, [this, error] { finish(error); });
        return;
    }
    m_process = new QProcess(this);
    m_process->setProgram(*program);
    m_process->setArguments({QStringLiteral("-v"), m_spec.voice, QStringLiteral("-s"),
                             QString::number(std::clamp(m_spec.wordsPerMinute, 80, 450)), QStringLiteral("-w"), m_spec.outputWav,
                             QStringLiteral("--"), m_spec.text.isEmpty() ? sampleSentence() : m_spec.text});
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        const QString err = QString::fromUtf8(m_process->readAllStandardError()).trimmed();
        if (status != QProcess::NormalExit || code != 0 || QFileInfo(m_spec.outputWav).size() <= 44) {
            finish(Error::invalidInput(QStringLiteral("The voice \"%1\" could not speak. Pick one from the list of installed voices.")
                                           .arg(m_spec.voice),
                                       err.right(2000)));
            return;
        }
        finish(m_spec.outputWav);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish(Error::process(QStringLiteral("Could not start espeak-ng for the voice preview."), m_process->errorString()));
    });
    QTimer::singleShot(kTimeoutMs, this, [this] {
        if (!m_done) {
            if (m_process)
                m_process->kill();
            finish(Error::process(QStringLiteral("The voice preview took too long.")));
        }
    });
    m_process->start();
}

void VoiceSampleJob::cancel()
{
    if (m_done)
        return;
    if (m_process)
        m_process->kill();
    finish(Error::cancelled());
}

void VoiceSampleJob::finish(const Result<QString> &result)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(result);
}

} // namespace diy
