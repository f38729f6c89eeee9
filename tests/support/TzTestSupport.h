#pragma once

#include "TestPaths.h"
#include "tensorzero/GatewayDouble.h"
#include "tensorzero/TensorZeroClient.h"
#include "tensorzero/TensorZeroError.h"
#include "util/Job.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QtTest>

#include <memory>
#include <optional>
#include <type_traits>

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

/// Starts a job (the Job contract) and waits for its one finished(); `read` sees the job at its
/// first finished(). As the job's creator the helper then deletes it (deleteLater() in the finished
/// handler) and waits for that deletion — an event, not a pause: whatever the job had already queued
/// (a second finished() included) is delivered first. finished() is counted over the job's whole
/// life. Records a test failure and returns false when the job never answers or answers more than
/// once.
template <typename J, typename Read>
[[nodiscard]] bool awaitOneFinished(J *job, Read read, const char *file, int line)
{
    static_assert(std::is_base_of_v<diy::Job, J>, "a job on the one contract (util/Job.h)");
    auto emissions = std::make_shared<int>(0);
    QPointer<J> alive(job);
    QObject context;
    QObject::connect(job, &diy::Job::finished, &context, [&read, emissions, alive](const diy::Status &) {
        if (*emissions == 0 && alive)
            read(*alive);
        ++*emissions;
        if (alive)
            alive->deleteLater();
    });
    job->start();
    if (!QTest::qWaitFor([&] { return alive.isNull(); }, kHungJobMs)) {
        QTest::qFail(*emissions == 0 ? "the job never answered" : "the job answered but never went away", file, line);
        return false;
    }
    if (*emissions != 1) {
        QTest::qFail(qPrintable(QStringLiteral("finished() was emitted %1 times; exactly once is the contract").arg(*emissions)),
                     file, line);
        return false;
    }
    return true;
}

/// Starts a job and returns its one answer, `T(job->result())` (see awaitOneFinished()). Returns
/// nothing when the job never answers or answers more than once; the caller checks with QVERIFY and
/// never substitutes an answer.
template <typename T, typename J>
[[nodiscard]] std::optional<T> runJob(J *job, const char *file = __builtin_FILE(), int line = __builtin_LINE())
{
    std::optional<T> first;
    if (!awaitOneFinished(
            job, [&first](J &finished) { first = T(finished.result()); }, file, line))
        return std::nullopt;
    return first;
}

/// What a gateway job ended with: its result() and its gatewayError() (the typed failure).
template <typename T>
struct GatewayOutcome {
    Result<T> result;
    std::optional<TensorZeroError> gatewayError;
};

/// runJob() for a gateway job, keeping the typed failure too. Also checks the gateway jobs' rule
/// that gatewayError() is there exactly when the job failed and says the same as its status().
template <typename J>
[[nodiscard]] auto runGatewayJob(J *job, const char *file = __builtin_FILE(), int line = __builtin_LINE())
    -> std::optional<GatewayOutcome<std::decay_t<decltype(job->result().value())>>>
{
    using T = std::decay_t<decltype(job->result().value())>;
    std::optional<GatewayOutcome<T>> first;
    if (!awaitOneFinished(
            job,
            [&first](J &finished) {
                first = GatewayOutcome<T>{finished.result(), finished.gatewayError()};
            },
            file, line))
        return std::nullopt;
    const bool failed = !first->result.ok();
    if (failed != first->gatewayError.has_value()) {
        QTest::qFail(failed ? "the job failed without a gatewayError()" : "the job succeeded but has a gatewayError()", file, line);
        return std::nullopt;
    }
    if (failed
        && (first->gatewayError->error.kind != first->result.error().kind
            || first->gatewayError->error.message != first->result.error().message)) {
        QTest::qFail("gatewayError() and result() disagree about the failure", file, line);
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
