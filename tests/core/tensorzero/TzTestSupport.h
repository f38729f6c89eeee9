#pragma once

#include "tensorzero/GatewayDouble.h"
#include "tensorzero/TensorZeroClient.h"
#include "TestPaths.h"

#include <QNetworkAccessManager>
#include <QtTest>

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

/// Starts a job, waits for its one finished(), and counts emissions.
template <typename T, typename Job>
std::optional<T> runJob(Job *job, int *emissions = nullptr, int timeoutMs = 15000)
{
    std::optional<T> out;
    auto count = std::make_shared<int>(0);
    QObject context;
    QObject::connect(job, &Job::finished, &context, [&out, count](const T &result) {
        out = result;
        ++*count;
    });
    job->start();
    (void)QTest::qWaitFor([&] { return out.has_value(); }, timeoutMs);
    QTest::qWait(20); // a second finished() would arrive here
    if (emissions)
        *emissions = *count;
    return out;
}

inline nlohmann::json scriptArguments()
{
    return {{"description", "paper airplanes that fly far"}, {"content_mode", "kid"}, {"target_duration_seconds", 180},
            {"expected_steps", 5},   {"host_character", ""},       {"video_format", "9:16"},
            {"language", "English"}};
}

inline nlohmann::json promptArguments()
{
    nlohmann::json scenes = nlohmann::json::array();
    scenes.push_back({{"scene_id", "intro"}, {"kind", "intro"}, {"title", "Intro"}, {"narration", "Let's fold."}, {"image_prompt", "A plane"}});
    scenes.push_back({{"scene_id", "step-1"}, {"kind", "step"}, {"title", "Fold"}, {"narration", "Fold it."}, {"image_prompt", "Hands folding"}});
    return {{"description", "paper airplanes that fly far"}, {"content_mode", "kid"}, {"video_format", "9:16"},
            {"style", "watercolour"}, {"scenes", scenes}};
}

} // namespace diy::test
