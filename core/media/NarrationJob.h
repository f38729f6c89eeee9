#pragma once

#include "media/CaptionCue.h"
#include "media/ProcessJob.h"
#include "model/DefaultVoice.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace diy {

struct NarrationSpec {
    QStringList phrases; ///< caption chunks, in order ('\n' inside a chunk is spoken as a space)
    QString voice = DefaultVoice::builtIn();
    int wordsPerMinute = 160;
    int pitch = 50;
    qint64 leadInMs = 400;
    qint64 tailMs = 700;
    QString outputWav;
};

struct NarrationResult {
    QString wavPath;
    qint64 durationMs = 0;
    QList<CaptionCue> cues; ///< one per phrase, in order; each starts when its phrase is spoken
};

/// Speaks a scene's narration with espeak-ng, one process per phrase (run in parallel, each WAV
/// read from the program's stdout so that every write to disk is the job's own and a full disk is
/// reported as such), measures
/// every clip to the sample, joins them (lead-in, natural pauses, tail) so each caption cue starts
/// exactly with its phrase, then normalises to -16 LUFS (two-pass loudnorm, linear gain) and
/// resamples to 48 kHz mono with ffmpeg. The WAV appears under its final name only when complete.
class NarrationJob : public ProcessJob {
    Q_OBJECT
public:
    /// The spoken narration with its cues, or the error, once finished.
    Result<NarrationResult> result() const
    {
        return status() ? Result<NarrationResult>(m_result) : Result<NarrationResult>(status().error());
    }
    explicit NarrationJob(NarrationSpec spec, QObject *parent = nullptr);

    /// Pause after a phrase: longer after a sentence than after a clause.
    static qint64 pauseAfter(const QString &phrase);
    /// The text handed to espeak-ng for a phrase (line breaks and espeak's [[phoneme]] markup neutralised).
    static QString speakableText(const QString &phrase);

    // The programs' argument lists: pure functions of the spec, for the job and the golden tests.
    /// espeak-ng speaking phrase `phrase` of the spec as a WAV on its stdout (read by the job).
    static QStringList speakArguments(const NarrationSpec &spec, int phrase);
    /// ffmpeg pass 1: measure the joined narration's loudness (loudnorm's JSON on stderr).
    static QStringList measureArguments(const QString &wavPath);
    /// ffmpeg pass 2: one linear gain to -16 LUFS from pass 1's integrated loudness (no gain when
    /// unknown or below -70), a limiter, 48 kHz mono 16-bit WAV.
    static QStringList normaliseArguments(const QString &wavPath, const QString &outputPath, std::optional<double> measuredLufs);

protected:
    void begin() override;
    void cleanup() override;

private:
    NarrationResult m_result;
    void launchNextPhrases();
    void assemble();
    void normalise(const QByteArray &measurement);

    NarrationSpec m_spec;
    QString m_workDir;
    QString m_assembledPath;
    QString m_temporaryPath;
    int m_nextPhrase = 0;
    int m_phrasesDone = 0;
    QList<CaptionCue> m_cues;
    QList<QByteArray> m_clips; ///< each phrase's WAV as espeak-ng wrote it to stdout
};

} // namespace diy
