#pragma once

#include "tensorzero/FeedbackRequest.h"
#include "tensorzero/GatewayCall.h"

namespace diy {

/// POST /feedback; result() is the gateway's feedback_id. A 2xx without a non-empty feedback_id is
/// malformed and not retryable (see FeedbackOutbox.h, "200 without a feedback_id").
class FeedbackJob : public GatewayCall<QString> {
    Q_OBJECT
public:
    FeedbackJob(TensorZeroClient *client, FeedbackRequest request, QObject *parent = nullptr);
    /// Overrides the client's retry policy (the outbox retries across runs itself).
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    const FeedbackRequest &request() const { return m_request; }

private:
    void run() override;
    void handleAnswer(const Result<HttpResponse> &answer) override;

    FeedbackRequest m_request;
    std::optional<RetryPolicy> m_retry;
};

} // namespace diy
