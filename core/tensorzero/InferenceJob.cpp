#include "tensorzero/InferenceJob.h"

#include "tensorzero/TensorZeroClient.h"
#include "util/Log.h"

namespace diy {

namespace {
QString str(const nlohmann::json &j, const char *key)
{
    if (!j.contains(key) || !j[key].is_string())
        return {};
    return QString::fromStdString(j[key].get<std::string>());
}
} // namespace

InferenceJob::InferenceJob(TensorZeroClient *client, InferenceRequest request, QObject *parent)
    : GatewayCall(client, parent), m_request(std::move(request))
{
}

void InferenceJob::begin()
{
    ++m_inferenceAttempts;
    HttpRequest http = HttpRequest::postJson(m_client->endpoint(QStringLiteral("/inference")), m_request.toJson());
    http.timeoutMs = m_request.timeoutMs.value_or(m_client->options().inferenceTimeoutMs);
    http.retry = m_request.retry.value_or(m_client->options().retry);
    http.label = QStringLiteral("tensorzero %1").arg(m_request.functionName);
    send(std::move(http));
}

void InferenceJob::handleAnswer(const Result<HttpResponse> &answer)
{
    const QString what = QStringLiteral("inference %1").arg(m_request.functionName);
    if (auto failure = TensorZeroError::fromAnswer(answer, what)) {
        finish(*failure);
        return;
    }
    const HttpResponse &response = answer.value();
    const QString version = QString::fromLatin1(response.header("x-tensorzero-gateway-version"));
    const auto body = response.jsonBody();
    auto malformed = [&](const QString &why) {
        finish(TensorZeroError::malformed(
            response, what,
            QStringLiteral("The TensorZero gateway sent an answer the studio cannot read. Try again; if it keeps "
                           "happening, check the gateway version."),
            why, true));
    };
    if (!body || !body->is_object()) {
        malformed(QStringLiteral("body is not a JSON object: ") + QString::fromUtf8(response.body.left(200)));
        return;
    }
    const nlohmann::json &j = *body;
    InferenceResponse out;
    out.inferenceId = str(j, "inference_id");
    out.episodeId = str(j, "episode_id");
    out.variantName = str(j, "variant_name");
    out.finishReason = str(j, "finish_reason");
    out.gatewayVersion = version;
    if (out.inferenceId.isEmpty() || out.episodeId.isEmpty() || out.variantName.isEmpty() || !j.contains("output")
        || !j["output"].is_object() || !j["output"].contains("parsed")) {
        malformed(QStringLiteral("missing inference_id, episode_id, variant_name or output.parsed"));
        return;
    }
    const nlohmann::json &output = j["output"];
    if (output.contains("raw") && output["raw"].is_string())
        out.raw = QString::fromStdString(output["raw"].get<std::string>());
    if (j.contains("usage") && j["usage"].is_object()) {
        const nlohmann::json &usage = j["usage"];
        if (usage.contains("input_tokens") && usage["input_tokens"].is_number_integer())
            out.inputTokens = usage["input_tokens"].get<qint64>();
        if (usage.contains("output_tokens") && usage["output_tokens"].is_number_integer())
            out.outputTokens = usage["output_tokens"].get<qint64>();
        if (usage.contains("cost") && usage["cost"].is_number())
            out.costUsd = usage["cost"].get<double>();
    }
    out.parsed = output["parsed"];
    out.attempts = m_inferenceAttempts;

    // The gateway created (or confirmed) the episode: every later call of this run reuses it.
    m_request.episode.adopt(out.episodeId);

    InferenceRecord record;
    record.functionName = m_request.functionName;
    record.inferenceId = out.inferenceId;
    record.episodeId = out.episodeId;
    record.variantName = out.variantName;
    record.stage = m_request.stage;
    record.inputTokens = out.inputTokens;
    record.outputTokens = out.outputTokens;
    record.costUsd = out.costUsd;
    record.outputValid = !out.parsed.is_null();
    record.dryrun = m_request.dryrun;
    record.durationMs = m_clock.elapsed();
    record.finishedAt = QDateTime::currentDateTimeUtc();
    m_client->record(record);

    if (out.parsed.is_null()) {
        if (m_inferenceAttempts <= m_request.parsedNullRetries.value_or(m_client->options().parsedNullRetries)) {
            logWarning(QStringLiteral("%1: variant %2 returned output that does not match the schema; trying again")
                           .arg(what, out.variantName));
            begin();
            return;
        }
        TensorZeroError e = TensorZeroError::make(
            TensorZeroError::Code::ParsedNull,
            QStringLiteral("The model's answer did not match the expected structure. Try again, or pick another "
                           "variant."),
            QStringLiteral("%1: variant %2, inference %3: output.parsed is null").arg(what, out.variantName, out.inferenceId),
            true);
        e.httpStatus = response.status;
        e.rawOutput = out.raw;
        e.gatewayVersion = version;
        finish(e);
        return;
    }
    finish(out);
}

void InferenceJob::finish(const GatewayResult<InferenceResponse> &result)
{
    if (isFinished())
        return;
    emit finished(result);
    markFinished();
}

} // namespace diy
