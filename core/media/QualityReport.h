#pragma once

#include "media/ProbeInfo.h"

#include <QList>
#include <QString>

#include <nlohmann/json_fwd.hpp>

namespace diy {

struct TimeRange {
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 lengthMs() const { return endMs - startMs; }
    bool operator==(const TimeRange &) const = default;
};

struct QualityFinding {
    enum class Severity { Info, Warning, Error };
    Severity severity = Severity::Info;
    QString code;    ///< stable identifier: "loudness", "long-silence", "black-frames", "video-codec"…
    QString message; ///< one sentence for the creator
    bool operator==(const QualityFinding &) const = default;
};

struct SegmentQuality;

/// Technical checks of one media file (a segment or the final video), stored as JSON in the
/// project. Per-segment reports are cached by the pipeline and combined with merge().
struct QualityReport {
    static constexpr double kTargetLufs = -16.0;

    ProbeInfo probe;
    bool hasLoudness = false;
    double integratedLufs = 0;    ///< ebur128 integrated loudness
    double truePeakDbtp = 0;      ///< ebur128 true peak
    QList<TimeRange> silences;    ///< silencedetect noise=-40dB d=1.2
    QList<TimeRange> blackFrames; ///< blackdetect d=0.5 pix_th=0.10
    QList<QualityFinding> findings;

    /// Recomputes findings from the measurements (replaces `findings`).
    void assess();
    bool hasErrors() const;
    int count(QualityFinding::Severity severity) const;

    /// The report of the joined video from its segments': durations add up, loudness is combined
    /// (energy-weighted by duration), the true peak is the maximum, ranges are shifted by each
    /// offset and joined across segment boundaries, segments whose stream parameters differ from
    /// the first's are flagged (concat copy would break), then findings are assessed anew.
    static QualityReport merge(const QList<SegmentQuality> &parts);
    /// Same, with each offset the sum of the previous segments' durations.
    static QualityReport merge(const QList<QualityReport> &segments);
};

/// One segment's report and where that segment starts in the merged video.
struct SegmentQuality {
    qint64 offsetMs = 0;
    QualityReport report;
};

QString toString(QualityFinding::Severity severity);

void to_json(nlohmann::json &j, const TimeRange &range);
void from_json(const nlohmann::json &j, TimeRange &range);
void to_json(nlohmann::json &j, const QualityFinding &finding);
void from_json(const nlohmann::json &j, QualityFinding &finding);
void to_json(nlohmann::json &j, const QualityReport &report);
void from_json(const nlohmann::json &j, QualityReport &report);

} // namespace diy
