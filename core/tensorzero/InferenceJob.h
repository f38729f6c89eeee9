#pragma once

#include "tensorzero/GatewayCall.h"
#include "tensorzero/InferenceRequest.h"
#include "tensorzero/InferenceResponse.h"

namespace diy {

/// POST /inference for a JSON function; result() is the InferenceResponse (read by
/// InferenceResponse::parse). Transport and status retries happen inside; an answer with
/// `parsed: null` counts as a failed attempt and is tried again (in the same episode) up to the
/// client's parsedNullRetries, then fails with TensorZeroError::Code::ParsedNull carrying the raw
/// text (gatewayError()). Every answered attempt is recorded with TensorZeroClient::inferenceRecorded.
class InferenceJob : public GatewayCall<InferenceResponse> {
    Q_OBJECT
public:
    InferenceJob(TensorZeroClient *client, InferenceRequest request, QObject *parent = nullptr);
    const InferenceRequest &request() const { return m_request; }

private:
    void run() override;
    void sendInference();
    void handleAnswer(const Result<HttpResponse> &answer) override;

    InferenceRequest m_request;
    int m_inferenceAttempts = 0;
};

} // namespace diy
