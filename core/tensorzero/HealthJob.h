#pragma once

#include "tensorzero/GatewayCall.h"
#include "tensorzero/GatewayHealth.h"
#include "tensorzero/GatewayResult.h"

namespace diy {

/// GET /health. A 503 with a per-backend body is a successful check with healthy == false;
/// no retries (a health check reports the state now).
class HealthJob : public GatewayCall {
    Q_OBJECT
public:
    explicit HealthJob(TensorZeroClient *client, QObject *parent = nullptr);

signals:
    void finished(const diy::GatewayResult<diy::GatewayHealth> &result);

private:
    void begin() override;
    void handleAnswer(const Result<HttpResponse> &answer) override;
    void finish(const GatewayResult<GatewayHealth> &result);
};

} // namespace diy
