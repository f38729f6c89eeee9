#pragma once

#include "media/ProcessJob.h"
#include "media/QualityReport.h"

namespace diy {

/// Technical checks of one media file: ffprobe, then in parallel an audio-only pass (ebur128
/// integrated loudness and true peak, silencedetect -40 dB / 1.2 s) and a cheap video pass
/// (2 frames per second scaled down, blackdetect 0.5 s / pix_th 0.10). Ends with an assessed report.
class QualityCheckJob : public ProcessJob {
    Q_OBJECT
public:
    /// The assessed report, or the error, once finished.
    Result<QualityReport> result() const
    {
        return status() ? Result<QualityReport>(m_report) : Result<QualityReport>(status().error());
    }
    explicit QualityCheckJob(QString path, QObject *parent = nullptr);

    /// Parsers for the analysis logs (exposed for tests).
    static void parseAudioLog(const QByteArray &log, qint64 durationMs, QualityReport &report);
    static void parseVideoLog(const QByteArray &log, qint64 durationMs, QualityReport &report);

protected:
    void begin() override;

private:
    void analyse();
    void onAnalysisDone();

    QString m_path;
    QualityReport m_report;
    int m_pending = 0;
};

} // namespace diy
