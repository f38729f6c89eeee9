#include "media/QualityCheckJob.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace diy {

namespace {
double parseLevel(const QString &text)
{
    if (text.contains(QStringLiteral("inf")))
        return -std::numeric_limits<double>::infinity();
    return text.toDouble();
}

qint64 ms(const QString &seconds)
{
    return static_cast<qint64>(std::llround(seconds.toDouble() * 1000.0));
}
} // namespace

QualityCheckJob::QualityCheckJob(QString path, QObject *parent) : ProcessJob(parent), m_path(std::move(path)) {}

void QualityCheckJob::parseAudioLog(const QByteArray &log, qint64 durationMs, QualityReport &report)
{
    const QString text = QString::fromUtf8(log);
    static const QRegularExpression integrated(QStringLiteral("I:\\s+(-?inf|-?[0-9.]+) LUFS"));
    static const QRegularExpression peak(QStringLiteral("Peak:\\s+(-?inf|-?[0-9.]+) dBFS"));
    static const QRegularExpression silence(QStringLiteral("silence_(start|end): (-?[0-9.]+)"));
    // The summary comes last; per-frame lines (if any) use "I:" too, so take the final match.
    QRegularExpressionMatch lastI;
    for (auto it = integrated.globalMatch(text); it.hasNext();)
        lastI = it.next();
    if (lastI.hasMatch()) {
        report.hasLoudness = true;
        report.integratedLufs = parseLevel(lastI.captured(1));
        QRegularExpressionMatch lastPeak;
        for (auto it = peak.globalMatch(text); it.hasNext();)
            lastPeak = it.next();
        report.truePeakDbtp = lastPeak.hasMatch() ? parseLevel(lastPeak.captured(1)) : 0.0;
    }
    report.silences.clear();
    qint64 start = -1;
    for (auto it = silence.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        if (match.captured(1) == QLatin1String("start")) {
            start = std::max<qint64>(0, ms(match.captured(2)));
        } else if (start >= 0) {
            report.silences.append(TimeRange{start, ms(match.captured(2))});
            start = -1;
        }
    }
    if (start >= 0 && durationMs > start)
        report.silences.append(TimeRange{start, durationMs});
}

void QualityCheckJob::parseVideoLog(const QByteArray &log, qint64 durationMs, QualityReport &report)
{
    static const QRegularExpression black(QStringLiteral("black_start:\\s*(-?[0-9.]+)\\s+black_end:\\s*(-?[0-9.]+)"));
    report.blackFrames.clear();
    const QString text = QString::fromUtf8(log);
    for (auto it = black.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        qint64 end = ms(match.captured(2));
        if (durationMs > 0)
            end = std::min(end, durationMs);
        report.blackFrames.append(TimeRange{std::max<qint64>(0, ms(match.captured(1))), end});
    }
}

void QualityCheckJob::begin()
{
    launchProbe(m_path, [this](ProbeInfo info) {
        m_report.probe = std::move(info);
        reportFraction(0.1);
        analyse();
    });
}

void QualityCheckJob::analyse()
{
    const QStringList common{QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"), QStringLiteral("-nostats"),
                             QStringLiteral("-loglevel"), QStringLiteral("info")};
    const qint64 duration = m_report.probe.durationMs;
    if (m_report.probe.hasAudio()) {
        Launch audio;
        audio.tool = MediaTools::Tool::Ffmpeg;
        audio.arguments = common;
        audio.arguments << QStringLiteral("-vn") << QStringLiteral("-i") << m_path << QStringLiteral("-af")
                        << QStringLiteral("ebur128=peak=true:framelog=verbose,silencedetect=noise=-40dB:d=1.2")
                        << QStringLiteral("-f") << QStringLiteral("null") << QStringLiteral("-");
        audio.description = QStringLiteral("measuring loudness and silences");
        audio.keepFullStderr = true;
        audio.onSuccess = [this, duration](const QByteArray &log) {
            parseAudioLog(log, duration, m_report);
            onAnalysisDone();
        };
        ++m_pending;
        if (!launch(std::move(audio)))
            return;
    }
    if (m_report.probe.hasVideo()) {
        Launch video;
        video.tool = MediaTools::Tool::Ffmpeg;
        video.arguments = common;
        // Keyframes only (every 2 s in our segments, and at every scene start): the pictures are
        // stills, so a keyframe shows what the frames around it show, and decoding only keyframes
        // costs a tenth of decoding every frame. A black keyframe counts until the next one.
        video.arguments << QStringLiteral("-an") << QStringLiteral("-skip_frame") << QStringLiteral("nokey")
                        << QStringLiteral("-i") << m_path << QStringLiteral("-vf")
                        << QStringLiteral("scale=160:-2,blackdetect=d=0.5:pix_th=0.10") << QStringLiteral("-f")
                        << QStringLiteral("null") << QStringLiteral("-");
        video.description = QStringLiteral("looking for black frames");
        video.keepFullStderr = true;
        video.onSuccess = [this, duration](const QByteArray &log) {
            parseVideoLog(log, duration, m_report);
            onAnalysisDone();
        };
        ++m_pending;
        if (!launch(std::move(video)))
            return;
    }
    if (m_pending == 0) {
        m_report.assess();
        succeed();
    }
}

void QualityCheckJob::onAnalysisDone()
{
    --m_pending;
    reportFraction(m_pending == 0 ? 1.0 : 0.55);
    if (m_pending > 0)
        return;
    m_report.assess();
    succeed();
}

} // namespace diy
