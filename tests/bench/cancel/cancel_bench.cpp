// Measures how long a cancelled encode takes to report, against the cost of starting and ending a
// trivial ffmpeg in the same run. Prints both and their ratio, and the ratio of the latency to the
// terminate-then-kill delay; exits 0 unless a job fails to report (a benchmark reports, it does not gate).
#include "media/MediaTools.h"
#include "media/SegmentJob.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

qint64 median(std::vector<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

/// Start `ffmpeg -version` and wait for it to end: the floor for any process round trip.
qint64 processRoundTripMs(const QString &ffmpeg)
{
    QElapsedTimer clock;
    clock.start();
    QProcess p;
    p.start(ffmpeg, {QStringLiteral("-hide_banner"), QStringLiteral("-version")});
    p.waitForFinished(60000);
    return clock.elapsed();
}

/// Start a long encode, cancel it once ffmpeg reports progress, return cancel → finished in ms (-1: failed).
qint64 cancelLatencyMs(const QString &image, const QString &output)
{
    diy::SegmentSpec spec;
    spec.imagePath = image;
    spec.outputPath = output;
    spec.frame = QSize(1080, 1920);
    spec.durationMs = 600000;
    diy::SegmentJob job(spec);
    QEventLoop loop;
    QElapsedTimer sinceCancel;
    qint64 latency = -1;
    bool cancelled = false;
    QObject::connect(&job, &diy::ProcessJob::progressChanged, &loop, [&](const diy::JobProgress &progress) {
        const double fraction = progress.fraction;
        if (fraction > 0 && !cancelled) {
            cancelled = true;
            sinceCancel.start();
            job.cancel();
        }
    });
    QObject::connect(&job, &diy::SegmentJob::finished, &loop, [&](const diy::Status &status) {
        if (cancelled && !status.ok() && status.error().isCancelled())
            latency = sinceCancel.elapsed();
        loop.quit();
    });
    job.start();
    loop.exec();
    return latency;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const auto ffmpeg = diy::MediaTools::locate(diy::MediaTools::Tool::Ffmpeg);
    if (!ffmpeg.ok()) {
        std::fprintf(stderr, "cancel_bench: %s\n", qPrintable(ffmpeg.error().toString()));
        return 1;
    }
    QTemporaryDir dir;
    QImage picture(1080, 1920, QImage::Format_RGB32);
    picture.fill(QColor(90, 40, 10));
    const QString image = dir.filePath(QStringLiteral("big.png"));
    picture.save(image);

    std::vector<qint64> baseline, latency;
    for (int i = 0; i < 5; ++i) {
        baseline.push_back(processRoundTripMs(*ffmpeg));
        const qint64 l = cancelLatencyMs(image, dir.filePath(QStringLiteral("long-%1.mp4").arg(i)));
        if (l < 0) {
            std::fprintf(stderr, "cancel_bench: the cancelled encode did not report Cancelled\n");
            return 1;
        }
        latency.push_back(l);
    }
    const qint64 base = std::max<qint64>(1, median(baseline));
    const qint64 cancel = median(latency);
    std::printf("cancel_bench: cancel -> finished %lld ms (median of 5), ffmpeg round trip %lld ms, ratio %.2f\n", cancel, base,
                double(cancel) / double(base));
    std::printf("cancel_bench: against the %d ms terminate-then-kill delay: %.2f (goal: below 1, i.e. "
                "ffmpeg stops on terminate)\n",
                diy::ProcessJob::kKillDelayMs, double(cancel) / diy::ProcessJob::kKillDelayMs);
    return 0;
}
