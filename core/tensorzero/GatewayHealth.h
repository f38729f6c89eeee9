#pragma once

#include <QMap>
#include <QString>

namespace diy {

/// GET /health: one entry per backend (gateway, clickhouse, postgres…); healthy when all are "ok".
struct GatewayHealth {
    bool healthy = false;
    int httpStatus = 0;
    QMap<QString, QString> backends;
};

} // namespace diy
