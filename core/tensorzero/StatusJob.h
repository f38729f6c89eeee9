#pragma once

#include "tensorzero/GatewayCall.h"
#include "tensorzero/GatewayResult.h"
#include "tensorzero/GatewayStatus.h"

namespace diy {

/// GET /status: the gateway's version and config hash.
class StatusJob : public GatewayCall {
    Q_OBJECT
public:
    explicit StatusJob(TensorZeroClient *client, QObject *parent = nullptr);

signals:
    void finished(const diy::GatewayResult<diy::GatewayStatus> &result);

private:
    void begin() override;
    void handleAnswer(const Result<HttpResponse> &answer) override;
    void finish(const GatewayResult<GatewayStatus> &result);
};

} // namespace diy
