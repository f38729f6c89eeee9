#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QSize>
#include <QString>

#include <nlohmann/json_fwd.hpp>

namespace diy {

/// What ffprobe says about a media file (first video and first audio stream).
struct ProbeInfo {
    qint64 durationMs = 0;
    QSize videoSize;
    QString videoCodec;  ///< "h264"; empty without video
    QString pixelFormat; ///< "yuv420p"
    double fps = 0;
    QString audioCodec; ///< "aac"; empty without audio
    int sampleRate = 0;
    int channels = 0;
    QString audioProfile; ///< "LC"
    qint64 videoTimeBaseDen = 0;
    bool faststart = false; ///< MP4: the moov box comes before mdat

    bool hasVideo() const { return !videoCodec.isEmpty(); }
    bool hasAudio() const { return !audioCodec.isEmpty(); }

    /// Parses `ffprobe -print_format json -show_format -show_streams` output.
    static Result<ProbeInfo> fromFfprobeJson(const QByteArray &json);
    /// Reads the top-level MP4 boxes: true when moov precedes mdat.
    static bool moovBeforeMdat(const QString &path);
};

void to_json(nlohmann::json &j, const ProbeInfo &info);
void from_json(const nlohmann::json &j, ProbeInfo &info);

} // namespace diy
