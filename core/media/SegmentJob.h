#pragma once

#include "media/ProcessJob.h"

#include <QSize>
#include <QString>

namespace diy {

struct SegmentSpec {
    QString imagePath;
    QString audioPath; ///< may be empty: the segment gets silence
    QString assPath;   ///< may be empty: no captions
    QString outputPath;
    QSize frame;
    int fps = 30;
    qint64 durationMs = 0;
};

/// Encodes one scene: a still image (decoded once, then repeated by the loop filter) with burned-in
/// captions and its narration, to H.264 yuv420p + AAC 48 kHz stereo MP4 with +faststart. Every
/// segment made with the same frame and fps has identical stream parameters, so the merge can
/// stream-copy them. Writes to a temporary name and renames on success.
class SegmentJob : public ProcessJob {
    Q_OBJECT
public:
    explicit SegmentJob(SegmentSpec spec, QObject *parent = nullptr);

    const SegmentSpec &spec() const { return m_spec; }
    /// Rate at which captions are drawn; the output repeats frames up to SegmentSpec::fps.
    static constexpr int kCaptionFps = 10;
    /// The ffmpeg arguments for a spec (exposed for the benchmark's floor and for tests).
    static QStringList ffmpegArguments(const SegmentSpec &spec, const QString &outputPath);
    /// Encoder settings shared by segments and the benchmark floor.
    static QStringList videoCodecArguments(int fps);
    static QStringList audioCodecArguments();

protected:
    void begin() override;
    void cleanup() override;

private:
    void onStdout(const QByteArray &data);

    SegmentSpec m_spec;
    QString m_temporaryPath;
};

} // namespace diy
