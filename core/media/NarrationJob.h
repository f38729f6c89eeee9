#pragma once

#include "media/CaptionCue.h"
#include "media/ProcessJob.h"
#include "model/DefaultVoice.h"

#include <QList>
#include <QStringList>

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

/// Speaks a scene's narration with espeak-ng, one process per phrase (run in parallel), measures
/// every clip to the sample, joins them (lead-in, natural pauses, tail) so each caption cue starts
/// exactly with its phrase, then normalises to -16 LUFS (two-pass loudnorm, linear gain) and
/// resamples to 48 kHz mono with ffmpeg. The WAV appears under its final name only when complete.
class NarrationJob : public ProcessJob {
    Q_OBJECT
public:
    explicit NarrationJob(NarrationSpec spec, QObject *parent = nullptr);

    /// Pause after a phrase: longer after a sentence than after a clause.
    static qint64 pauseAfter(const QString &phrase);
    /// The text handed to espeak-ng for a phrase (line breaks and espeak's [[phoneme]] markup neutralised).
    static QString speakableText(const QString &phrase);

signals:
    void finished(diy::Result<diy::NarrationResult> result);

protected:
    void run() override;
    void emitFailure(const Error &error) override;
    void cleanup() override;

private:
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
};

} // namespace diy
