#pragma once

#include "media/ProcessJob.h"

#include <QStringList>

namespace diy {

struct MergeSpec {
    QStringList segmentPaths;
    QString outputPath;
    QString musicPath; ///< optional: looped and ducked under the narration
    double musicVolume = 0.15;
    qint64 totalDurationMs = 0; ///< optional, for progress; 0: progress only at the end
};

/// Joins segments with the concat demuxer and stream copy (no second encode of the video). With
/// music, the video is still copied and only the audio is re-encoded: the music loops, is ducked
/// under the narration with sidechaincompress, and mixed in. +faststart; temporary name renamed on
/// success.
class MergeJob : public ProcessJob {
    Q_OBJECT
public:
    explicit MergeJob(MergeSpec spec, QObject *parent = nullptr);

    /// The concat demuxer list for these files (absolute paths, quoted per the demuxer's rules).
    static QByteArray concatList(const QStringList &paths);
    /// The ffmpeg arguments that join the segments listed in `listPath` (see concatList) into
    /// `outputPath`: a pure function of the spec, for the job and for the golden tests.
    static QStringList ffmpegArguments(const MergeSpec &spec, const QString &listPath, const QString &outputPath);

protected:
    void begin() override;
    void cleanup() override;

private:
    void onStdout(const QByteArray &data);

    MergeSpec m_spec;
    QString m_temporaryPath;
    QString m_listPath;
};

} // namespace diy
