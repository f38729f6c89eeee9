#include "media/VoiceSampleJob.h"

#include "media/MediaTools.h"
#include "media/VoiceListJob.h"
#include "media/WavFile.h"
#include "util/AtomicFile.h"

#include <QProcess>
#include <QTimer>

#include <algorithm>

namespace diy {

namespace {
constexpr int kTimeoutMs = 20000;
constexpr qsizetype kMaxSampleBytes = 16LL * 1024 * 1024; // a sentence is about 300 KB
} // namespace

VoiceSampleJob::VoiceSampleJob(const Spec &spec, QObject *parent)
    : ValueJob<QString>(parent), m_spec(spec), m_timeout(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    m_timeout->setInterval(kTimeoutMs);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        if (m_process)
            m_process->kill();
        finish(Error::process(QStringLiteral("The voice preview took too long.")));
    });
}

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

void VoiceSampleJob::run()
{
    m_list = new VoiceListJob(this);
    connect(m_list, &VoiceListJob::finished, this, [this](const Status &) {
        const Result<VoiceList> voices = m_list->result();
        m_list->deleteLater();
        if (cancelRequested()) {
            finish(Error::cancelled());
            return;
        }
        if (!voices) {
            finish(voices.error());
            return;
        }
        const bool installed =
            std::any_of(voices->cbegin(), voices->cend(), [this](const VoiceInfo &v) { return v.id == m_spec.voice; });
        if (!installed) {
            finish(
                Error::invalidInput(QStringLiteral("\"%1\" is not a voice installed on this computer. Pick one from the list of "
                                                   "installed voices.")
                                        .arg(m_spec.voice)));
            return;
        }
        speak();
    });
    m_list->start();
}

void VoiceSampleJob::speak()
{
    const auto program = MediaTools::locate(MediaTools::Tool::EspeakNg);
    if (!program) {
        finish(program.error());
        return;
    }
    m_process = new QProcess(this);
    m_process->setProgram(*program);
    m_process->setArguments({QStringLiteral("-v"), m_spec.voice, QStringLiteral("-s"),
                             QString::number(std::clamp(m_spec.wordsPerMinute, 80, 450)),
                             // The WAV comes through a pipe and is written by us: espeak-ng's own
                             // `-w` ignores a full disk and leaves a cut file.
                             QStringLiteral("--stdout"),
                             // "--" ends the options: the text may start with '-'.
                             QStringLiteral("--"), m_spec.text.isEmpty() ? sampleSentence() : m_spec.text});
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] {
        m_wav += m_process->readAllStandardOutput();
        if (m_wav.size() > kMaxSampleBytes)
            m_process->kill(); // reported as a failure when it has exited
    });
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        m_timeout->stop();
        if (cancelRequested()) {
            finish(Error::cancelled());
            return;
        }
        m_wav += m_process->readAllStandardOutput();
        const QString err = QString::fromUtf8(m_process->readAllStandardError()).trimmed();
        if (status != QProcess::NormalExit || code != 0 || m_wav.size() <= 44 || m_wav.size() > kMaxSampleBytes) {
            finish(Error::process(QStringLiteral("The voice \"%1\" could not speak the sample.").arg(m_spec.voice),
                                  err.right(2000)));
            return;
        }
        // A pipe cannot seek back to fill in the sizes: write the header anew. Atomic: a full
        // disk reads "No space left on <folder>" and leaves no cut file.
        const Result<WavFile> wav = WavFile::parse(m_wav);
        if (!wav) {
            finish(Error::process(QStringLiteral("The voice \"%1\" could not speak the sample.").arg(m_spec.voice),
                                  wav.error().message));
            return;
        }
        if (const Status written = AtomicFile::write(m_spec.outputWav, wav->toBytes()); !written) {
            finish(written.error());
            return;
        }
        succeed(m_spec.outputWav);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            m_timeout->stop();
            finish(Error::process(QStringLiteral("Could not start espeak-ng for the voice preview."), m_process->errorString()));
        }
    });
    m_timeout->start();
    m_process->start();
}

void VoiceSampleJob::abort()
{
    if (m_list && m_list->isRunning()) {
        m_list->cancel(); // its finished() reports the cancellation
        return;
    }
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        return;
    }
    finish(Error::cancelled());
}

} // namespace diy
