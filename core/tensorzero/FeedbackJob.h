#pragma once

#include "tensorzero/FeedbackRequest.h"
#include "tensorzero/GatewayCall.h"
#include "tensorzero/GatewayResult.h"

namespace diy {

/// POST /feedback. Finishes with the gateway's feedback_id.
class FeedbackJob : public GatewayCall {
    Q_OBJECT
public:
    FeedbackJob(TensorZeroClient *client, FeedbackRequest request, QObject *parent = nullptr);
    /// Overrides the client's retry policy (the outbox retries across runs itself).
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    const FeedbackRequest &request() const { return m_request; }

signals:
    void finished(const diy::GatewayResult<QString> &feedbackId);

private:
    void begin() override;
    void handleAnswer(const Result<HttpResponse> &answer) override;
    void finish(const GatewayResult<QString> &result);

    FeedbackRequest m_request;
    std::optional<RetryPolicy> m_retry;
};

} // namespace diy
