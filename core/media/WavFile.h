#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace diy {

/// 16-bit PCM WAV in memory: enough to measure and join espeak-ng's phrase clips sample-exactly.
struct WavFile {
    int sampleRate = 0;
    int channels = 1;
    QList<qint16> samples; ///< interleaved

    qint64 frames() const { return channels > 0 ? samples.size() / channels : 0; }
    qint64 durationMs() const { return sampleRate > 0 ? frames() * 1000 / sampleRate : 0; }

    static Result<WavFile> read(const QString &path);
    /// Parses the bytes of a RIFF/WAVE file (PCM 16-bit only).
    static Result<WavFile> parse(const QByteArray &bytes);
    QByteArray toBytes() const;
};

} // namespace diy
