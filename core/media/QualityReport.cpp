#include "media/QualityReport.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace diy {

namespace {
constexpr qint64 kJoinToleranceMs = 60;

void addRange(QList<TimeRange> &ranges, TimeRange range)
{
    if (!ranges.isEmpty() && range.startMs <= ranges.last().endMs + kJoinToleranceMs) {
        ranges.last().endMs = std::max(ranges.last().endMs, range.endMs);
        return;
    }
    ranges.append(range);
}

QString secondsText(qint64 ms)
{
    return QString::number(static_cast<double>(ms) / 1000.0, 'f', 1);
}

bool sameStreams(const ProbeInfo &a, const ProbeInfo &b)
{
    return a.videoSize == b.videoSize && a.videoCodec == b.videoCodec && a.pixelFormat == b.pixelFormat
           && std::abs(a.fps - b.fps) < 0.01 && a.videoTimeBaseDen == b.videoTimeBaseDen && a.audioCodec == b.audioCodec
           && a.sampleRate == b.sampleRate && a.channels == b.channels && a.audioProfile == b.audioProfile;
}

QualityFinding::Severity severityFrom(const std::string &text)
{
    if (text == "error")
        return QualityFinding::Severity::Error;
    if (text == "warning")
        return QualityFinding::Severity::Warning;
    return QualityFinding::Severity::Info;
}
} // namespace

QString toString(QualityFinding::Severity severity)
{
    switch (severity) {
    case QualityFinding::Severity::Info: return QStringLiteral("info");
    case QualityFinding::Severity::Warning: return QStringLiteral("warning");
    case QualityFinding::Severity::Error: return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

void QualityReport::assess()
{
    using S = QualityFinding::Severity;
    QList<QualityFinding> out;
    const auto add = [&](S severity, const char *code, const QString &message) {
        out.append(QualityFinding{severity, QString::fromLatin1(code), message});
    };
    // Keep findings that only merge() can know about.
    for (const QualityFinding &f : std::as_const(findings))
        if (f.code == QLatin1String("segment-mismatch"))
            out.append(f);

    if (probe.durationMs < 500)
        add(S::Error, "duration", QStringLiteral("The video is only %1 s long.").arg(secondsText(probe.durationMs)));
    if (!probe.hasVideo())
        add(S::Error, "no-video", QStringLiteral("The file has no video stream."));
    else {
        if (probe.videoCodec != QLatin1String("h264"))
            add(S::Error, "video-codec", QStringLiteral("The video is %1, not H.264.").arg(probe.videoCodec));
        if (probe.pixelFormat != QLatin1String("yuv420p"))
            add(S::Error, "pixel-format",
                QStringLiteral("The pixel format is %1, not yuv420p; many players will refuse it.").arg(probe.pixelFormat));
    }
    if (!probe.hasAudio())
        add(S::Error, "no-audio", QStringLiteral("The file has no audio stream."));
    else {
        if (probe.audioCodec != QLatin1String("aac"))
            add(S::Warning, "audio-codec", QStringLiteral("The audio is %1, not AAC.").arg(probe.audioCodec));
        if (probe.sampleRate != 48000)
            add(S::Warning, "sample-rate", QStringLiteral("The audio runs at %1 Hz, not 48 kHz.").arg(probe.sampleRate));
    }
    if (hasLoudness) {
        if (!std::isfinite(integratedLufs) || integratedLufs < -45)
            add(S::Error, "silent", QStringLiteral("The audio is silent."));
        else if (std::abs(integratedLufs - kTargetLufs) > 2.0)
            add(S::Warning, "loudness",
                QStringLiteral("The loudness is %1 LUFS; about %2 LUFS is expected.")
                    .arg(QString::number(integratedLufs, 'f', 1), QString::number(kTargetLufs, 'f', 0)));
        else
            add(S::Info, "loudness", QStringLiteral("The loudness is %1 LUFS.").arg(QString::number(integratedLufs, 'f', 1)));
        if (std::isfinite(truePeakDbtp) && truePeakDbtp > -1.0)
            add(S::Warning, "true-peak",
                QStringLiteral("The audio peaks at %1 dBTP and may distort.").arg(QString::number(truePeakDbtp, 'f', 1)));
    }
    for (const TimeRange &silence : std::as_const(silences)) {
        const bool whole = probe.durationMs > 0 && silence.lengthMs() >= probe.durationMs - 100;
        add(whole                        ? S::Error
            : silence.lengthMs() >= 3000 ? S::Warning
                                         : S::Info,
            "long-silence",
            QStringLiteral("Silence from %1 s to %2 s.").arg(secondsText(silence.startMs), secondsText(silence.endMs)));
    }
    for (const TimeRange &black : std::as_const(blackFrames)) {
        const bool most = probe.durationMs > 0 && black.lengthMs() * 2 >= probe.durationMs;
        add(most ? S::Error : S::Warning, "black-frames",
            QStringLiteral("Black picture from %1 s to %2 s.").arg(secondsText(black.startMs), secondsText(black.endMs)));
    }
    findings = out;
}

bool QualityReport::hasErrors() const
{
    return count(QualityFinding::Severity::Error) > 0;
}

int QualityReport::count(QualityFinding::Severity severity) const
{
    return static_cast<int>(
        std::count_if(findings.begin(), findings.end(), [&](const QualityFinding &f) { return f.severity == severity; }));
}

QualityReport QualityReport::merge(const QList<SegmentQuality> &parts)
{
    QualityReport merged;
    if (parts.isEmpty()) {
        merged.assess();
        return merged;
    }
    merged.probe = parts.first().report.probe;
    double energy = 0;
    double weight = 0;
    double peak = -std::numeric_limits<double>::infinity();
    qint64 end = 0;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const SegmentQuality &part = parts.at(i);
        const QualityReport &r = part.report;
        end = std::max(end, part.offsetMs + r.probe.durationMs);
        if (r.hasLoudness) {
            merged.hasLoudness = true;
            const double d = static_cast<double>(std::max<qint64>(1, r.probe.durationMs));
            if (std::isfinite(r.integratedLufs)) {
                energy += d * std::pow(10.0, r.integratedLufs / 10.0);
            }
            weight += d;
            if (std::isfinite(r.truePeakDbtp))
                peak = std::max(peak, r.truePeakDbtp);
        }
        for (const TimeRange &s : r.silences)
            addRange(merged.silences, {part.offsetMs + s.startMs, part.offsetMs + s.endMs});
        for (const TimeRange &b : r.blackFrames)
            addRange(merged.blackFrames, {part.offsetMs + b.startMs, part.offsetMs + b.endMs});
        if (i > 0 && !sameStreams(merged.probe, r.probe))
            merged.findings.append(QualityFinding{
                QualityFinding::Severity::Error, QStringLiteral("segment-mismatch"),
                QStringLiteral(
                    "Segment %1 has different stream settings from segment 1; joining them without re-encoding will fail.")
                    .arg(i + 1)});
    }
    merged.probe.durationMs = end;
    if (merged.hasLoudness) {
        merged.integratedLufs = energy > 0 ? 10.0 * std::log10(energy / weight) : -std::numeric_limits<double>::infinity();
        merged.truePeakDbtp = peak;
    }
    merged.assess();
    return merged;
}

QualityReport QualityReport::merge(const QList<QualityReport> &segments)
{
    QList<SegmentQuality> parts;
    qint64 offset = 0;
    for (const QualityReport &r : segments) {
        parts.append(SegmentQuality{offset, r});
        offset += r.probe.durationMs;
    }
    return merge(parts);
}

void to_json(nlohmann::json &j, const TimeRange &range)
{
    j = nlohmann::json::array({range.startMs, range.endMs});
}

void from_json(const nlohmann::json &j, TimeRange &range)
{
    range.startMs = j.at(0).get<qint64>();
    range.endMs = j.at(1).get<qint64>();
}

void to_json(nlohmann::json &j, const QualityFinding &finding)
{
    j = nlohmann::json{{"severity", toString(finding.severity).toStdString()},
                       {"code", finding.code.toStdString()},
                       {"message", finding.message.toStdString()}};
}

void from_json(const nlohmann::json &j, QualityFinding &finding)
{
    finding.severity = severityFrom(j.value("severity", std::string("info")));
    finding.code = QString::fromStdString(j.value("code", std::string()));
    finding.message = QString::fromStdString(j.value("message", std::string()));
}

void to_json(nlohmann::json &j, const QualityReport &report)
{
    j = nlohmann::json{
        {"probe", report.probe}, {"silences", report.silences}, {"blackFrames", report.blackFrames}, {"findings", report.findings}};
    // JSON has no infinity: a silent file's loudness is written as null.
    if (report.hasLoudness) {
        j["integratedLufs"] = std::isfinite(report.integratedLufs) ? nlohmann::json(report.integratedLufs) : nlohmann::json();
        j["truePeakDbtp"] = std::isfinite(report.truePeakDbtp) ? nlohmann::json(report.truePeakDbtp) : nlohmann::json();
    }
}

void from_json(const nlohmann::json &j, QualityReport &report)
{
    report = QualityReport();
    if (j.contains("probe"))
        report.probe = j.at("probe").get<ProbeInfo>();
    report.hasLoudness = j.contains("integratedLufs");
    if (report.hasLoudness) {
        const auto &i = j.at("integratedLufs");
        report.integratedLufs = i.is_number() ? i.get<double>() : -std::numeric_limits<double>::infinity();
        const auto tp = j.value("truePeakDbtp", nlohmann::json());
        report.truePeakDbtp = tp.is_number() ? tp.get<double>() : -std::numeric_limits<double>::infinity();
    }
    if (j.contains("silences"))
        report.silences = j.at("silences").get<QList<TimeRange>>();
    if (j.contains("blackFrames"))
        report.blackFrames = j.at("blackFrames").get<QList<TimeRange>>();
    if (j.contains("findings"))
        report.findings = j.at("findings").get<QList<QualityFinding>>();
}

} // namespace diy
