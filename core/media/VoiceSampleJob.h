#pragma once

#include "util/Result.h"

#include <QObject>
#include <QPointer>

class QProcess;

namespace diy {

/// Speaks a short sample sentence with one voice into a WAV file (espeak-ng -w), for a voice
/// preview. Asynchronous, with a timeout; finished() carries the WAV file's path.
class VoiceSampleJob : public QObject {
    Q_OBJECT
public:
    struct Spec {
        QString voice;
        int wordsPerMinute = 160;
        QString text;
        QString outputWav;
    };

    VoiceSampleJob(const Spec &spec, QObject *parent = nullptr);
    ~VoiceSampleJob() override;

    void start();
    void cancel();

    /// The sentence a preview speaks.
    static QString sampleSentence();

signals:
    void finished(const diy::Result<QString> &wavPath);

private:
    void speak();
    void finish(const Result<QString> &result);

    Spec m_spec;
    QPointer<QProcess> m_process;
    bool m_done = false;
};

} // namespace diy
