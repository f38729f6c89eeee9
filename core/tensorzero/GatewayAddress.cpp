#include "tensorzero/GatewayAddress.h"

namespace diy {

QUrl GatewayAddress::resolve(const QString &explicitUrl, const QString &configured)
{
    for (const QString &candidate : {explicitUrl, qEnvironmentVariable(kEnvironmentVariable), configured})
        if (!candidate.trimmed().isEmpty())
            return QUrl(candidate.trimmed());
    return QUrl(builtIn());
}

bool GatewayAddress::fromEnvironment()
{
    return !qEnvironmentVariable(kEnvironmentVariable).trimmed().isEmpty();
}

} // namespace diy
