#pragma once

#include "net/HttpJob.h"
#include "tensorzero/TensorZeroClient.h"
#include "tensorzero/TensorZeroError.h"
#include "util/Job.h"

#include <QPointer>

#include <optional>

namespace diy {

/// Base of the gateway jobs (InferenceJob, FeedbackJob, StatusJob, HealthJob), on the one Job
/// contract: start(), cancel(), progressChanged(), exactly one finished(Status) and the typed value
/// through result(). The creator owns the job (TensorZeroClient's factories parent it to the caller,
/// or to the client when none is given) and deletes it, usually with deleteLater() in its finished
/// handler; a gateway job never deletes itself.
///
/// Each request runs as one HttpJob: its timeout, its retries with backoff that honour Retry-After,
/// its cancellation. A retry is reported through progressChanged() with a message naming the reason
/// and the wait. The request's final answer reaches handleAnswer(), which ends the job with
/// succeed(value) or fail(TensorZeroError).
///
/// On failure, status() and result() carry the error's user message, detail and retryability, and
/// gatewayError() the same failure typed by what the gateway said (code, HTTP status, its message,
/// the model's raw output, the gateway version).
///
/// cancel() aborts the request in flight; the job finishes with Error::Kind::Cancelled (gatewayError()
/// code Cancelled) after the request has stopped, never from inside cancel().
template <typename T>
class GatewayCall : public ValueJob<T> {
public:
    ~GatewayCall() override;

    /// The typed failure once the job failed (cancelled included); none while it runs or after success.
    std::optional<TensorZeroError> gatewayError() const;

protected:
    GatewayCall(TensorZeroClient *client, QObject *parent);

    /// Sends one request through an HttpJob; its final answer (or transport error) reaches handleAnswer().
    void send(HttpRequest request);
    /// Ends the job with the request's outcome: succeed(value) or fail(error). May send() again instead.
    virtual void handleAnswer(const Result<HttpResponse> &answer) = 0;
    /// Ends the job with a typed failure (first end wins).
    void fail(const TensorZeroError &error);
    void abort() override;

    TensorZeroClient *m_client;

private:
    QPointer<HttpJob> m_http;
    std::optional<TensorZeroError> m_error;
};

template <typename T>
GatewayCall<T>::GatewayCall(TensorZeroClient *client, QObject *parent) : ValueJob<T>(parent), m_client(client)
{
}

template <typename T>
GatewayCall<T>::~GatewayCall()
{
    if (m_http) {
        m_http->disconnect(this);
        delete m_http.data(); // stops the request; no finished() for a deleted job
    }
}

template <typename T>
std::optional<TensorZeroError> GatewayCall<T>::gatewayError() const
{
    if (!this->isFinished() || this->status())
        return std::nullopt;
    if (m_error)
        return m_error;
    // Cancelled before it ran: the Job base ended it without asking the subclass.
    return TensorZeroError::fromTransport(this->status().error(), QStringLiteral("gateway call"));
}

template <typename T>
void GatewayCall<T>::send(HttpRequest request)
{
    auto *job = new HttpJob(m_client->network(), std::move(request), this);
    m_http = job;
    QObject::connect(job, &HttpJob::retrying, this, [this](int, const Error &reason, int delayMs) {
        this->reportProgress(
            this->progress().fraction,
            QStringLiteral("The AI service: %1; trying again in %2 s").arg(reason.message).arg((delayMs + 999) / 1000));
    });
    QObject::connect(job, &Job::finished, this, [this, job](const Status &) {
        m_http = nullptr;
        const Result<HttpResponse> answer = job->result();
        job->deleteLater(); // the creator owns the job
        handleAnswer(answer);
    });
    job->start();
}

template <typename T>
void GatewayCall<T>::fail(const TensorZeroError &error)
{
    if (this->isFinished() || m_error)
        return;
    m_error = error;
    this->finish(error.error);
}

template <typename T>
void GatewayCall<T>::abort()
{
    if (m_http) {
        m_http->cancel(); // its finished(Cancelled) reaches handleAnswer(), which fails the job
        return;
    }
    fail(TensorZeroError::fromTransport(Error::cancelled(), QStringLiteral("gateway call")));
}

} // namespace diy
