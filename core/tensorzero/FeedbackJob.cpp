#include "tensorzero/FeedbackJob.h"

#include "tensorzero/TensorZeroClient.h"

namespace diy {

FeedbackJob::FeedbackJob(TensorZeroClient *client, FeedbackRequest request, QObject *parent)
    : GatewayCall<QString>(client, parent), m_request(std::move(request))
{
}

void FeedbackJob::run()
{
    HttpRequest http = HttpRequest::postJson(m_client->endpoint(QStringLiteral("/feedback")), m_request.toJson());
    http.timeoutMs = m_client->options().shortTimeoutMs;
    http.retry = m_retry.value_or(m_client->options().retry);
    http.label = QStringLiteral("tensorzero feedback %1").arg(m_request.metricName);
    send(std::move(http));
}

void FeedbackJob::handleAnswer(const Result<HttpResponse> &answer)
{
    const QString what = QStringLiteral("feedback %1").arg(m_request.metricName);
    if (auto failure = TensorZeroError::fromAnswer(answer, what)) {
        fail(*failure);
        return;
    }
    const HttpResponse &response = answer.value();
    const auto body = response.jsonBody();
    if (!body || !body->is_object() || !body->contains("feedback_id") || !(*body)["feedback_id"].is_string()
        || (*body)["feedback_id"].get_ref<const std::string &>().empty()) {
        // Not retryable: see FeedbackOutbox.h ("200 without a feedback_id") for why.
        fail(TensorZeroError::malformed(
            response, what,
            QStringLiteral("The server answered without a feedback id, so it is unknown whether it stored the feedback. "
                           "Check that the address is a TensorZero gateway, then send it again or remove it."),
            QStringLiteral("HTTP %1 without feedback_id: %2").arg(response.status).arg(QString::fromUtf8(response.body.left(200))),
            false));
        return;
    }
    succeed(QString::fromStdString((*body)["feedback_id"].get<std::string>()));
}

} // namespace diy
