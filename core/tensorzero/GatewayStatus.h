#pragma once

#include <QMap>
#include <QString>

namespace diy {

/// GET /status
struct GatewayStatus {
    QString status;
    QString version;
    QString configHash;
};

} // namespace diy
