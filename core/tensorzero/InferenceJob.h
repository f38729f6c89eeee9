#pragma once

#include "tensorzero/GatewayCall.h"
#include "tensorzero/GatewayResult.h"
#include "tensorzero/InferenceRequest.h"
#include "tensorzero/InferenceResponse.h"

namespace diy {

/// POST /inference for a JSON function. Transport and status retries happen inside; an answer
/// with `parsed: null` counts as a failed attempt and is tried again (in the same episode) up to
/// the client's parsedNullRetries, then ends as TensorZeroError::Code::ParsedNull carrying the raw
/// text. Every answered attempt is recorded with TensorZeroClient::inferenceRecorded.
class InferenceJob : public GatewayCall {
    Q_OBJECT
public:
    InferenceJob(TensorZeroClient *client, InferenceRequest request, QObject *parent = nullptr);
    const InferenceRequest &request() const { return m_request; }

signals:
    void finished(const diy::GatewayResult<diy::InferenceResponse> &result);

private:
    void begin() override;
    void handleAnswer(const Result<HttpResponse> &answer) override;
    void finish(const GatewayResult<InferenceResponse> &result);

    InferenceRequest m_request;
    int m_inferenceAttempts = 0;
};

} // namespace diy
