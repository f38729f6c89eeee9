#pragma once

#include "media/ProbeInfo.h"

#include <QColor>
#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QTest>

#include "util/Job.h"

#include <type_traits>

#include <optional>

namespace diy::test {

/// Runs ffmpeg (blocking; tests only). Returns stderr; `ok` tells whether it exited with 0.
QString runFfmpeg(const QStringList &arguments, bool *ok = nullptr);
/// Integrated loudness (LUFS) measured with the ebur128 filter.
double integratedLoudness(const QString &path);
/// ffprobe through the engine's own job, waited for.
Result<ProbeInfo> probe(const QString &path);
/// A tone of the given length as a WAV (lavfi sine).
bool makeTone(const QString &path, qint64 durationMs, int frequency = 440);
/// A PNG filled with one colour.
bool makeImage(const QString &path, QSize size, const QColor &colour);
/// Files in a folder (to prove no partial files were left behind).
QStringList filesIn(const QString &dir);

/// Starts a job and waits for its one finished() signal; nothing when it did not come in time or
/// came more than once. Value is Status (the job's status()) or Result<T> (the job's result()).
template <typename J, typename Value>
std::optional<Value> runJob(J &job, int timeoutMs = 60000)
{
    int count = 0;
    QObject::connect(&job, &diy::Job::finished, &job, [&](const diy::Status &) { ++count; });
    job.start();
    (void)QTest::qWaitFor([&] { return count > 0; }, timeoutMs);
    // Whatever the job had already queued (a second finished() included) is delivered now.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    if (count != 1) {
        QTest::qFail(count == 0 ? "the job never answered" : "finished() was emitted more than once", __FILE__, __LINE__);
        return std::nullopt;
    }
    if constexpr (std::is_same_v<Value, diy::Status>)
        return job.status();
    else
        return job.result();
}

} // namespace diy::test
