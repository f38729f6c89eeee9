#include "tensorzero/StatusJob.h"

#include "tensorzero/TensorZeroClient.h"

namespace diy {

StatusJob::StatusJob(TensorZeroClient *client, QObject *parent) : GatewayCall<GatewayStatus>(client, parent) {}

void StatusJob::run()
{
    HttpRequest http = HttpRequest::get(m_client->endpoint(QStringLiteral("/status")));
    http.timeoutMs = m_client->options().shortTimeoutMs;
    http.retry = m_client->options().retry;
    http.label = QStringLiteral("tensorzero /status");
    send(std::move(http));
}

void StatusJob::handleAnswer(const Result<HttpResponse> &answer)
{
    const QString what = QStringLiteral("status");
    if (auto failure = TensorZeroError::fromAnswer(answer, what)) {
        fail(*failure);
        return;
    }
    const HttpResponse &response = answer.value();
    const auto body = response.jsonBody();
    if (!body || !body->is_object() || !body->contains("status") || !(*body)["status"].is_string()) {
        fail(TensorZeroError::malformed(response, what, QStringLiteral("The server at this address is not a TensorZero gateway."),
                                        QString::fromUtf8(response.body.left(200)), false));
        return;
    }
    GatewayStatus status;
    status.status = QString::fromStdString((*body)["status"].get<std::string>());
    status.version = QString::fromStdString(body->value("version", std::string()));
    status.configHash = QString::fromStdString(body->value("config_hash", std::string()));
    succeed(status);
}

} // namespace diy
