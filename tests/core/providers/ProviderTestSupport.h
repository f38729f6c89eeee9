#pragma once

#include "net/RetryPolicy.h"
#include "providers/GeneratedImageSpec.h"
#include "util/Job.h"

#include <QColor>
#include <QDir>
#include <QImage>
#include <QObject>
#include <QtTest>

#include <optional>

namespace diy::test {

/// Starts `job` and waits for its one finished(); counts every emission (a second one fails the test).
template <typename T>
Result<T> runJob(ValueJob<T> *job, int *emissions = nullptr)
{
    int count = 0;
    QObject context;
    QObject::connect(job, &Job::finished, &context, [&count] { ++count; });
    job->start();
    if (!QTest::qWaitFor([&] { return count > 0; }, 120'000))
        return Error::internal(QStringLiteral("the job never finished"));
    QCoreApplication::processEvents(); // a second finished() would arrive here
    if (emissions)
        *emissions = count;
    return job->result();
}

/// Backoff in milliseconds so retries do not slow the suite; hints from servers are still honoured.
inline RetryPolicy fastRetry(int attempts = 3)
{
    RetryPolicy p;
    p.maxAttempts = attempts;
    p.initialDelayMs = 5;
    p.maxDelayMs = 20;
    p.maxRetryAfterMs = 5'000;
    return p;
}

inline GeneratedImageSpec pictureSpec(const QString &outputDir, VideoFormat::Kind format = VideoFormat::Kind::Vertical,
                                      const QString &prompt = QStringLiteral("A milk carton bird feeder on a branch"))
{
    GeneratedImageSpec s;
    s.prompt = prompt;
    s.style = QStringLiteral("Bright flat illustration, soft shadows");
    s.format = VideoFormat(format);
    s.outputDir = outputDir;
    s.sceneLabel = QStringLiteral("Step 2");
    return s;
}

/// Files in `dir` (the pictures a job stored).
inline QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

inline QColor centreColour(const QString &path)
{
    const QImage image(path);
    return image.isNull() ? QColor() : image.pixelColor(image.width() / 2, image.height() / 2);
}

} // namespace diy::test
