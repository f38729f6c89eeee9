#include "util/Error.h"

namespace diy {

namespace {
Error make(Error::Kind kind, const QString &message, const QString &detail, bool retryable = false)
{
    Error e;
    e.kind = kind;
    e.message = message;
    e.detail = detail;
    e.retryable = retryable;
    return e;
}
} // namespace

Error Error::invalidInput(const QString &message, const QString &detail)
{
    return make(Kind::InvalidInput, message, detail);
}

Error Error::notFound(const QString &message, const QString &detail)
{
    return make(Kind::NotFound, message, detail);
}

Error Error::missingTool(const QString &program, const QString &debianPackage)
{
    return make(Kind::MissingTool,
                QStringLiteral("%1 was not found. Install the Debian package '%2' (sudo apt-get install %2) "
                               "or run packaging/install-deps.sh.")
                    .arg(program, debianPackage),
                QStringLiteral("'%1' is not on PATH").arg(program));
}

Error Error::io(const QString &message, const QString &detail)
{
    return make(Kind::Io, message, detail);
}

Error Error::process(const QString &message, const QString &detail)
{
    return make(Kind::Process, message, detail);
}

Error Error::cancelled()
{
    return make(Kind::Cancelled, QStringLiteral("Cancelled."), {});
}

Error Error::internal(const QString &message, const QString &detail)
{
    return make(Kind::Internal, message, detail);
}

QString Error::toString() const
{
    if (detail.isEmpty())
        return message;
    return message + QStringLiteral(" (") + detail + QLatin1Char(')');
}

QString toString(Error::Kind kind)
{
    switch (kind) {
    case Error::Kind::InvalidInput: return QStringLiteral("invalid input");
    case Error::Kind::NotFound: return QStringLiteral("not found");
    case Error::Kind::MissingTool: return QStringLiteral("missing tool");
    case Error::Kind::Network: return QStringLiteral("network");
    case Error::Kind::Timeout: return QStringLiteral("timeout");
    case Error::Kind::RateLimited: return QStringLiteral("rate limited");
    case Error::Kind::Server: return QStringLiteral("server");
    case Error::Kind::Auth: return QStringLiteral("auth");
    case Error::Kind::Cancelled: return QStringLiteral("cancelled");
    case Error::Kind::Io: return QStringLiteral("io");
    case Error::Kind::Process: return QStringLiteral("process");
    case Error::Kind::Internal: return QStringLiteral("internal");
    case Error::Kind::Blocked: return QStringLiteral("blocked");
    }
    return QStringLiteral("unknown");
}

} // namespace diy
