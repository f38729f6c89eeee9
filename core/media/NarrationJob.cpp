#include "media/NarrationJob.h"

#include "util/JsonParser.h"

#include "media/WavFile.h"
#include "util/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QThread>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>

namespace diy {

namespace {
constexpr int kSilenceThreshold = 96; // |sample| below this counts as silence when trimming clips
// A phrase is a caption chunk (a few seconds: about 45 KB per second at espeak-ng's 22 kHz).
constexpr qsizetype kMaxClipBytes = 64LL * 1024 * 1024;

qint64 msToFrames(qint64 ms, int rate)
{
    return ms * rate / 1000;
}
} // namespace

NarrationJob::NarrationJob(NarrationSpec spec, QObject *parent) : ProcessJob(parent), m_spec(std::move(spec)) {}

qint64 NarrationJob::pauseAfter(const QString &phrase)
{
    static const QRegularExpression sentenceEnd(QStringLiteral("[.!?…]+[\"'”’)]*\\s*$"));
    return sentenceEnd.match(phrase).hasMatch() ? 380 : 200;
}

QString NarrationJob::speakableText(const QString &phrase)
{
    QString text = phrase;
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    // espeak-ng reads "[[...]]" as phoneme input; keep it plain text.
    text.replace(QStringLiteral("[["), QStringLiteral("[ ["));
    text.replace(QStringLiteral("]]"), QStringLiteral("] ]"));
    return text.simplified();
}

void NarrationJob::begin()
{
    if (m_spec.outputWav.isEmpty()) {
        fail(Error::invalidInput(QStringLiteral("The narration has no output file.")));
        return;
    }
    if (m_spec.phrases.isEmpty()) {
        fail(Error::invalidInput(QStringLiteral("There is no narration text to speak.")));
        return;
    }
    for (const QString &phrase : std::as_const(m_spec.phrases)) {
        if (speakableText(phrase).isEmpty()) {
            fail(Error::invalidInput(QStringLiteral("A narration phrase is empty.")));
            return;
        }
    }
    m_clips = QList<QByteArray>(m_spec.phrases.size());
    m_temporaryPath = temporaryPathFor(m_spec.outputWav);
    m_workDir = m_temporaryPath + QStringLiteral(".d");
    if (!QDir().mkpath(m_workDir)) {
        fail(Error::io(QStringLiteral("Cannot create the folder %1.").arg(m_workDir)));
        return;
    }
    launchNextPhrases();
}

QStringList NarrationJob::speakArguments(const NarrationSpec &spec, int phrase)
{
    return {QStringLiteral("-v"), spec.voice, QStringLiteral("-s"), QString::number(std::clamp(spec.wordsPerMinute, 80, 450)),
            QStringLiteral("-p"), QString::number(std::clamp(spec.pitch, 0, 99)), QStringLiteral("-b"), QStringLiteral("1"),
            // The WAV comes through a pipe: espeak-ng ignores failed writes (on a full disk `-w`
            // leaves a cut clip and exits 0), so the job writes every byte itself.
            QStringLiteral("--stdout"),
            // "--" ends the options: a phrase may start with '-'.
            QStringLiteral("--"), speakableText(spec.phrases.value(phrase))};
}

QStringList NarrationJob::measureArguments(const QString &wavPath)
{
    return {QStringLiteral("-hide_banner"),
            QStringLiteral("-nostdin"),
            QStringLiteral("-nostats"),
            QStringLiteral("-loglevel"),
            QStringLiteral("info"),
            QStringLiteral("-i"),
            wavPath,
            QStringLiteral("-af"),
            QStringLiteral("loudnorm=I=-16:TP=-1.5:LRA=11:print_format=json"),
            QStringLiteral("-f"),
            QStringLiteral("null"),
            QStringLiteral("-")};
}

QStringList NarrationJob::normaliseArguments(const QString &wavPath, const QString &outputPath, std::optional<double> measuredLufs)
{
    // Apply the measured difference as one linear gain, then catch the rare peak with a limiter
    // at -1.5 dBFS. (loudnorm's own second pass falls back to dynamic mode on clips under ~3 s
    // and left short phrases 20 dB too quiet; a plain gain is exact at any length.)
    const double gainDb = measuredLufs && *measuredLufs > -70.0 ? qBound(-30.0, -16.0 - *measuredLufs, 40.0) : 0.0;
    const QString filter =
        QStringLiteral("volume=%1dB,alimiter=limit=0.84:attack=5:release=50:level=false,aresample=48000").arg(gainDb, 0, 'f', 2);
    return {QStringLiteral("-hide_banner"),
            QStringLiteral("-nostdin"),
            QStringLiteral("-y"),
            QStringLiteral("-nostats"),
            QStringLiteral("-loglevel"),
            QStringLiteral("error"),
            QStringLiteral("-i"),
            wavPath,
            QStringLiteral("-af"),
            filter,
            QStringLiteral("-ar"),
            QStringLiteral("48000"),
            QStringLiteral("-ac"),
            QStringLiteral("1"),
            QStringLiteral("-c:a"),
            QStringLiteral("pcm_s16le"),
            QStringLiteral("-f"),
            QStringLiteral("wav"),
            outputPath};
}

void NarrationJob::launchNextPhrases()
{
    const int parallel = std::max(2, QThread::idealThreadCount());
    while (m_nextPhrase < m_spec.phrases.size() && runningProcesses() < parallel && !cancelRequested()) {
        const int index = m_nextPhrase++;
        Launch speak;
        speak.tool = MediaTools::Tool::EspeakNg;
        speak.arguments = speakArguments(m_spec, index);
        speak.description = QStringLiteral("speaking phrase %1").arg(index + 1);
        speak.onStdout = [this, index](const QByteArray &data) {
            QByteArray &clip = m_clips[index];
            if (clip.size() + data.size() > kMaxClipBytes) {
                fail(Error::process(
                    QStringLiteral("espeak-ng produced more audio than a phrase can have (phrase %1).").arg(index + 1)));
                return;
            }
            clip += data;
        };
        speak.onSuccess = [this](const QByteArray &) {
            ++m_phrasesDone;
            reportFraction(0.6 * m_phrasesDone / m_spec.phrases.size());
            if (m_phrasesDone == m_spec.phrases.size())
                assemble();
            else
                launchNextPhrases();
        };
        if (!launch(std::move(speak)))
            return;
    }
}

void NarrationJob::assemble()
{
    WavFile joined;
    m_cues.clear();
    for (int i = 0; i < m_spec.phrases.size(); ++i) {
        Result<WavFile> clip = WavFile::parse(m_clips.at(i));
        m_clips[i].clear();
        if (!clip) {
            fail(Error::process(QStringLiteral("espeak-ng produced no usable audio."), clip.error().toString()));
            return;
        }
        if (i == 0) {
            joined.sampleRate = clip->sampleRate;
            joined.channels = 1;
            joined.samples.fill(0, msToFrames(std::max<qint64>(0, m_spec.leadInMs), joined.sampleRate));
        }
        if (clip->sampleRate != joined.sampleRate || clip->channels != 1) {
            fail(Error::process(QStringLiteral("espeak-ng changed its audio format between phrases.")));
            return;
        }
        // Trim the clip's own leading and trailing silence: we set the pauses ourselves.
        const auto &s = clip->samples;
        qsizetype first = 0;
        qsizetype last = s.size();
        while (first < last && std::abs(s[first]) < kSilenceThreshold)
            ++first;
        while (last > first && std::abs(s[last - 1]) < kSilenceThreshold)
            --last;
        const qsizetype margin = joined.sampleRate / 50; // keep 20 ms of natural onset and decay
        first = std::max<qsizetype>(0, first - margin);
        last = std::min<qsizetype>(s.size(), last + margin);

        CaptionCue cue;
        cue.startMs = joined.frames() * 1000 / joined.sampleRate;
        cue.text = m_spec.phrases.at(i);
        joined.samples.append(s.mid(first, last - first));
        cue.endMs = joined.frames() * 1000 / joined.sampleRate;
        m_cues.append(cue);
        const qint64 pause = i + 1 < m_spec.phrases.size() ? pauseAfter(m_spec.phrases.at(i)) : std::max<qint64>(0, m_spec.tailMs);
        joined.samples.append(QList<qint16>(msToFrames(pause, joined.sampleRate), 0));
    }
    // A caption stays up until the next phrase starts; the last one until the end.
    const qint64 totalMs = joined.frames() * 1000 / joined.sampleRate;
    for (qsizetype i = 0; i < m_cues.size(); ++i)
        m_cues[i].endMs = i + 1 < m_cues.size() ? m_cues[i + 1].startMs : totalMs;

    m_assembledPath = m_workDir + QStringLiteral("/joined.wav");
    const Status written = AtomicFile::write(m_assembledPath, joined.toBytes());
    if (!written) {
        fail(written.error());
        return;
    }
    // Pass 1: measure loudness.
    Launch measure;
    measure.tool = MediaTools::Tool::Ffmpeg;
    measure.arguments = measureArguments(m_assembledPath);
    measure.description = QStringLiteral("measuring the narration's loudness");
    measure.keepFullStderr = true;
    measure.onSuccess = [this](const QByteArray &stderrData) {
        reportFraction(0.8);
        normalise(stderrData);
    };
    launch(std::move(measure));
}

void NarrationJob::normalise(const QByteArray &measurement)
{
    const qsizetype open = measurement.lastIndexOf('{');
    const qsizetype close = measurement.lastIndexOf('}');
    if (open < 0 || close < open) {
        fail(Error::process(QStringLiteral("ffmpeg did not report the narration's loudness."),
                            QString::fromUtf8(measurement.right(400))));
        return;
    }
    const QByteArray jsonText = measurement.mid(open, close - open + 1);
    const auto json = JsonParser::parse(jsonText, QStringLiteral("ffmpeg's loudness report")).valueOr(nlohmann::json());
    const auto field = [&](const char *key) {
        if (!json.is_object() || !json.contains(key) || !json[key].is_string())
            return QString();
        return QString::fromStdString(json[key].get<std::string>());
    };
    bool finite = false;
    const double inputI = field("input_i").toDouble(&finite);

    Launch apply;
    apply.tool = MediaTools::Tool::Ffmpeg;
    apply.arguments = normaliseArguments(m_assembledPath, m_temporaryPath, finite ? std::optional(inputI) : std::nullopt);
    apply.description = QStringLiteral("normalising the narration");
    apply.onSuccess = [this](const QByteArray &) {
        Result<WavFile> output = WavFile::read(m_temporaryPath);
        if (!output) {
            fail(Error::process(QStringLiteral("ffmpeg wrote an unreadable narration file."), output.error().toString()));
            return;
        }
        if (!commitOutput(&m_temporaryPath, m_spec.outputWav))
            return;
        NarrationResult result;
        result.wavPath = m_spec.outputWav;
        result.durationMs = output->durationMs();
        result.cues = m_cues;
        if (!result.cues.isEmpty())
            result.cues.last().endMs = result.durationMs;
        m_result = std::move(result);
        succeed();
    };
    launch(std::move(apply));
}

void NarrationJob::cleanup()
{
    if (!m_temporaryPath.isEmpty())
        QFile::remove(m_temporaryPath);
    if (!m_workDir.isEmpty())
        QDir(m_workDir).removeRecursively();
}

} // namespace diy
