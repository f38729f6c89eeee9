#include "tensorzero/GatewayCall.h"

#include "tensorzero/TensorZeroClient.h"

namespace diy {

GatewayCall::GatewayCall(TensorZeroClient *client, QObject *parent) : QObject(parent), m_client(client) {}

GatewayCall::~GatewayCall()
{
    if (m_http) {
        m_http->disconnect(this);
        delete m_http; // stops the request
    }
}

void GatewayCall::start()
{
    if (m_started)
        return;
    m_started = true;
    m_clock.start();
    begin();
}

void GatewayCall::cancel()
{
    if (m_finished)
        return;
    if (m_http) {
        m_http->cancel(); // its finished(Cancelled) reaches handleAnswer()
        return;
    }
    handleAnswer(Error::cancelled());
}

void GatewayCall::send(HttpRequest request)
{
    auto *job = new HttpJob(m_client->network(), std::move(request), this);
    m_http = job;
    connect(job, &HttpJob::retrying, this, &GatewayCall::retrying);
    connect(job, &HttpJob::finished, this, [this, job](const Status &) {
        m_http = nullptr;
        job->deleteLater();
        handleAnswer(job->result());
    });
    job->start();
}

void GatewayCall::markFinished()
{
    m_finished = true;
    if (m_autoDelete)
        deleteLater();
}

} // namespace diy
