#pragma once

#include <QString>
#include <QUrl>

namespace diy {

/// The one place that decides which TensorZero gateway the studio and the CLI talk to.
/// Precedence: an explicit address (the CLI's --url) > $DIY_TENSORZERO_URL > the configured
/// address (the studio's settings) > http://localhost:3000.
class GatewayAddress {
public:
    static constexpr const char *kEnvironmentVariable = "DIY_TENSORZERO_URL";

    static QString builtIn() { return QStringLiteral("http://localhost:3000"); }
    static QUrl resolve(const QString &explicitUrl = {}, const QString &configured = {});
    /// True when $DIY_TENSORZERO_URL is set: the settings' address is then ignored.
    static bool fromEnvironment();
};

} // namespace diy
