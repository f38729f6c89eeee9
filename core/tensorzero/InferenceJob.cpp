#include "tensorzero/InferenceJob.h"

#include "tensorzero/TensorZeroClient.h"
#include "util/Log.h"

namespace diy {

InferenceJob::InferenceJob(TensorZeroClient *client, InferenceRequest request, QObject *parent)
    : GatewayCall<InferenceResponse>(client, parent), m_request(std::move(request))
{
}

void InferenceJob::run()
{
    sendInference();
}

void InferenceJob::sendInference()
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
        fail(*failure);
        return;
    }
    const HttpResponse &response = answer.value();
    const QString version = QString::fromLatin1(response.header("x-tensorzero-gateway-version"));
    Result<InferenceResponse> read = InferenceResponse::parse(response.body);
    if (!read) {
        fail(TensorZeroError::malformed(
            response, what,
            QStringLiteral("The TensorZero gateway sent an answer the studio cannot read. Try again; if it keeps "
                           "happening, check the gateway version."),
            read.error().detail.isEmpty() ? read.error().message + QStringLiteral(": ") + QString::fromUtf8(response.body.left(200))
                                          : read.error().detail,
            true));
        return;
    }
    InferenceResponse out = std::move(read).value();
    out.gatewayVersion = version;
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
    record.durationMs = elapsedMs();
    record.finishedAt = QDateTime::currentDateTimeUtc();
    m_client->record(record);

    if (out.parsed.is_null()) {
        if (m_inferenceAttempts <= m_request.parsedNullRetries.value_or(m_client->options().parsedNullRetries)) {
            logWarning(QStringLiteral("%1: variant %2 returned output that does not match the schema; trying again")
                           .arg(what, out.variantName));
            reportProgress(progress().fraction, QStringLiteral("The model's answer did not match the expected structure; "
                                                               "asking again"));
            sendInference();
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
        fail(e);
        return;
    }
    succeed(std::move(out));
}

} // namespace diy
