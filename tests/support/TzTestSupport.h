#pragma once

#include "util/Job.h"

#include <type_traits>

#include "TestPaths.h"
#include "tensorzero/GatewayDouble.h"
#include "tensorzero/TensorZeroClient.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QtTest>

#include <memory>
#include <optional>

namespace diy::test {

/// Short delays so retry paths run in milliseconds.
inline TensorZeroClient::Options fastOptions(const QUrl &url)
{
    TensorZeroClient::Options o;
    o.baseUrl = url;
    o.inferenceTimeoutMs = 5000;
    o.shortTimeoutMs = 5000;
    o.retry.maxAttempts = 3;
    o.retry.initialDelayMs = 10;
    o.retry.maxDelayMs = 40;
    o.retry.maxRetryAfterMs = 5000;
    return o;
}

/// How long a job may stay silent before the helper calls it hung. Not a performance goal: only
/// a hang reaches it (the jobs under test time out on their own in well under this).
constexpr int kHungJobMs = 120000;

/// Starts a job and returns its one answer. After the first finished() the job is deleted
/// (deleteLater(), or its own auto-delete), and the helper waits for that deletion — an event, not
/// a pause: whatever the job had already queued (a second finished() included) is delivered first.
/// finished() is counted over the job's whole life. Records a test failure and returns nothing
/// when the job never answers or answers more than once; the caller checks with QVERIFY and never
/// substitutes an answer.
template <typename T, typename Job>
[[nodiscard]] std::optional<T> runJob(Job *job, const char *file = __builtin_FILE(), int line = __builtin_LINE())
{
    std::optional<T> first;
    auto emissions = std::make_shared<int>(0);
    QPointer<Job> alive(job);
    QObject context;
    if constexpr (std::is_base_of_v<diy::Job, Job>) {
        // The one job contract: finished(Status), the value through result(); the creator owns the
        // job and deletes it.
        QObject::connect(job, &diy::Job::finished, &context, [&first, emissions, alive](const diy::Status &) {
            if (!first && alive)
                first = T(alive->result());
            ++*emissions;
            if (alive)
                alive->deleteLater();
        });
    } else {
        QObject::connect(job, &Job::finished, &context, [&first, emissions, alive](const T &result) {
            if (!first)
                first = result;
            ++*emissions;
            if (alive)
                alive->deleteLater();
        });
    }
    job->start();
    if (!QTest::qWaitFor([&] { return alive.isNull(); }, kHungJobMs)) {
        QTest::qFail(*emissions == 0 ? "the job never answered" : "the job answered but never went away", file, line);
        return std::nullopt;
    }
    if (*emissions != 1) {
        QTest::qFail(qPrintable(QStringLiteral("finished() was emitted %1 times; exactly once is the contract").arg(*emissions)),
                     file, line);
        return std::nullopt;
    }
    return first;
}

inline nlohmann::json scriptArguments()
{
    return {{"description", "paper airplanes that fly far"},
            {"content_mode", "kid"},
            {"target_duration_seconds", 180},
            {"expected_steps", 5},
            {"host_character", ""},
            {"video_format", "9:16"},
            {"language", "English"}};
}

inline nlohmann::json promptArguments()
{
    nlohmann::json scenes = nlohmann::json::array();
    scenes.push_back(
        {{"scene_id", "intro"}, {"kind", "intro"}, {"title", "Intro"}, {"narration", "Let's fold."}, {"image_prompt", "A plane"}});
    scenes.push_back(
        {{"scene_id", "step-1"}, {"kind", "step"}, {"title", "Fold"}, {"narration", "Fold it."}, {"image_prompt", "Hands folding"}});
    return {{"description", "paper airplanes that fly far"},
            {"content_mode", "kid"},
            {"video_format", "9:16"},
            {"style", "watercolour"},
            {"scenes", scenes}};
}

} // namespace diy::test
