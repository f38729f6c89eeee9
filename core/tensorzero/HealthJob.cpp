#include "tensorzero/HealthJob.h"

#include "tensorzero/TensorZeroClient.h"

namespace diy {

HealthJob::HealthJob(TensorZeroClient *client, QObject *parent) : GatewayCall<GatewayHealth>(client, parent) {}

void HealthJob::run()
{
    HttpRequest http = HttpRequest::get(m_client->endpoint(QStringLiteral("/health")));
    http.timeoutMs = m_client->options().shortTimeoutMs;
    http.retry = RetryPolicy::none();
    http.label = QStringLiteral("tensorzero /health");
    send(std::move(http));
}

void HealthJob::handleAnswer(const Result<HttpResponse> &answer)
{
    const QString what = QStringLiteral("health");
    if (!answer.ok()) {
        fail(TensorZeroError::fromTransport(answer.error(), what));
        return;
    }
    const HttpResponse &response = answer.value();
    const auto body = response.jsonBody();
    if ((response.status != 200 && response.status != 503) || !body || !body->is_object()) {
        fail(TensorZeroError::fromResponse(response, what));
        return;
    }
    GatewayHealth health;
    health.httpStatus = response.status;
    bool allOk = true;
    for (auto it = body->begin(); it != body->end(); ++it) {
        const QString state = it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString::fromStdString(it->dump());
        health.backends.insert(QString::fromStdString(it.key()), state);
        allOk = allOk && state == QStringLiteral("ok");
    }
    health.healthy = response.status == 200 && allOk && !health.backends.isEmpty();
    succeed(health);
}

} // namespace diy
