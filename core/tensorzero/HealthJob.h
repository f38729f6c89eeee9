#pragma once

#include "tensorzero/GatewayCall.h"
#include "tensorzero/GatewayHealth.h"

namespace diy {

/// GET /health; result() is the per-backend health. A 503 with a per-backend body is a successful
/// check with healthy == false; no retries (a health check reports the state now).
class HealthJob : public GatewayCall<GatewayHealth> {
    Q_OBJECT
public:
    explicit HealthJob(TensorZeroClient *client, QObject *parent = nullptr);

private:
    void run() override;
    void handleAnswer(const Result<HttpResponse> &answer) override;
};

} // namespace diy
