#pragma once

#include "media/ProbeInfo.h"

#include <QColor>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QTest>

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

/// Starts a job and waits for its one finished(...) signal; nothing when it did not come in time.
template <typename Job, typename Value>
std::optional<Value> runJob(Job &job, int timeoutMs = 60000)
{
    std::optional<Value> result;
    int count = 0;
    QObject::connect(&job, &Job::finished, &job, [&](const Value &value) {
        result = value;
        ++count;
    });
    job.start();
    (void)QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs);
    QTest::qWait(50); // a second finished() would arrive now
    if (count > 1)
        qWarning("finished() was emitted %d times", count);
    return count == 1 ? result : std::nullopt;
}

} // namespace diy::test
