#pragma once

#include "util/Job.h"

#include <QByteArray>
#include <QPointer>

class QProcess;
class QTimer;

namespace diy {

class VoiceListJob;

/// Speaks a short sample sentence with one voice into a WAV file (espeak-ng --stdout, written
/// atomically by the job), for a voice
/// preview; result() is the WAV file's path. The voice is checked against the installed voices
/// first: espeak-ng itself quietly speaks an unknown voice with its default one.
class VoiceSampleJob : public ValueJob<QString> {
    Q_OBJECT
public:
    struct Spec {
        QString voice;
        int wordsPerMinute = 160;
        QString text; ///< empty: sampleSentence()
        QString outputWav;
    };

    explicit VoiceSampleJob(const Spec &spec, QObject *parent = nullptr);
    ~VoiceSampleJob() override;

    /// The sentence a preview speaks.
    static QString sampleSentence();

protected:
    void run() override;
    void abort() override;

private:
    void speak();

    Spec m_spec;
    QPointer<VoiceListJob> m_list;
    QPointer<QProcess> m_process;
    QTimer *m_timeout;
    QByteArray m_wav; ///< espeak-ng's stdout
};

} // namespace diy
