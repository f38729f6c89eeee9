#pragma once

#include "tensorzero/GatewayCall.h"
#include "tensorzero/GatewayStatus.h"

namespace diy {

/// GET /status; result() is the gateway's status, version and config hash.
class StatusJob : public GatewayCall<GatewayStatus> {
    Q_OBJECT
public:
    explicit StatusJob(TensorZeroClient *client, QObject *parent = nullptr);

private:
    void run() override;
    void handleAnswer(const Result<HttpResponse> &answer) override;
};

} // namespace diy
