#include "tensorzero/TensorZeroError.h"

namespace diy {

namespace {
Error::Kind kindFor(TensorZeroError::Code code)
{
    using C = TensorZeroError::Code;
    switch (code) {
    case C::BadRequest: return Error::Kind::InvalidInput;
    case C::Unauthorized: return Error::Kind::Auth;
    case C::NotFound: return Error::Kind::NotFound;
    case C::GatewayTimeout:
    case C::Timeout: return Error::Kind::Timeout;
    case C::RateLimited: return Error::Kind::RateLimited;
    case C::Network: return Error::Kind::Network;
    case C::Cancelled: return Error::Kind::Cancelled;
    case C::InternalError:
    case C::AllVariantsFailed:
    case C::Unavailable:
    case C::UnexpectedStatus:
    case C::ParsedNull:
    case C::MalformedResponse: return Error::Kind::Server;
    }
    return Error::Kind::Internal;
}
} // namespace

TensorZeroError TensorZeroError::make(Code code, const QString &message, const QString &detail, bool retryable)
{
    TensorZeroError e;
    e.code = code;
    e.error.kind = kindFor(code);
    e.error.message = message;
    e.error.detail = detail;
    e.error.retryable = retryable;
    return e;
}

TensorZeroError TensorZeroError::fromResponse(const HttpResponse &response, const QString &what)
{
    QString gatewayMessage;
    if (const auto body = response.jsonBody(); body && body->is_object() && body->contains("error")) {
        const auto &err = (*body)["error"];
        gatewayMessage = QString::fromStdString(err.is_string() ? err.get<std::string>() : err.dump());
    } else {
        gatewayMessage = QString::fromUtf8(response.body.left(500));
    }
    const QString detail = QStringLiteral("%1: HTTP %2: %3").arg(what).arg(response.status).arg(gatewayMessage);
    TensorZeroError e;
    switch (response.status) {
    case 400:
        e = make(Code::BadRequest,
                 QStringLiteral("The TensorZero gateway rejected the request (%1). The studio and the gateway "
                                "configuration may not match; update both.")
                     .arg(gatewayMessage),
                 detail, false);
        break;
    case 401:
        e = make(Code::Unauthorized, QStringLiteral("The TensorZero gateway refused the credentials. Check its API key."), detail,
                 false);
        break;
    case 404:
        e = make(Code::NotFound,
                 QStringLiteral("The TensorZero gateway does not know this function, variant or metric (%1). "
                                "Start the gateway with the studio's config/tensorzero.toml.")
                     .arg(gatewayMessage),
                 detail, false);
        break;
    case 408:
    case 504:
        e = make(Code::GatewayTimeout, QStringLiteral("The model took too long to answer. Try again."), detail, true);
        break;
    case 429:
        e = make(Code::RateLimited, QStringLiteral("The model provider is rate limiting requests. Wait a minute and try again."),
                 detail, true);
        break;
    case 500:
        e = make(Code::InternalError, QStringLiteral("The TensorZero gateway failed internally. See its log."), detail, true);
        break;
    case 502:
        e = make(Code::AllVariantsFailed,
                 QStringLiteral("Every model the gateway tried failed. Check the provider API keys in the gateway's "
                                "environment, then try again."),
                 detail, true);
        break;
    case 503:
        e = make(Code::Unavailable, QStringLiteral("The TensorZero gateway is not ready (a backend is down)."), detail, true);
        break;
    default:
        e = make(Code::UnexpectedStatus,
                 QStringLiteral("The TensorZero gateway answered with an unexpected status %1.").arg(response.status), detail,
                 response.status >= 500);
    }
    e.httpStatus = response.status;
    e.gatewayMessage = gatewayMessage;
    e.gatewayVersion = QString::fromLatin1(response.header("x-tensorzero-gateway-version"));
    return e;
}

std::optional<TensorZeroError> TensorZeroError::fromAnswer(const Result<HttpResponse> &answer, const QString &what)
{
    if (!answer.ok())
        return fromTransport(answer.error(), what);
    if (!answer.value().isSuccess())
        return fromResponse(answer.value(), what);
    return std::nullopt;
}

TensorZeroError TensorZeroError::malformed(const HttpResponse &response, const QString &what, const QString &message,
                                           const QString &why, bool retryable)
{
    TensorZeroError e = make(Code::MalformedResponse, message, what + QStringLiteral(": ") + why, retryable);
    e.httpStatus = response.status;
    e.gatewayVersion = QString::fromLatin1(response.header("x-tensorzero-gateway-version"));
    return e;
}

TensorZeroError TensorZeroError::fromTransport(const Error &transport, const QString &what)
{
    TensorZeroError e;
    if (transport.kind == Error::Kind::Cancelled) {
        e = make(Code::Cancelled, transport.message, what, false);
    } else if (transport.kind == Error::Kind::Timeout) {
        e = make(Code::Timeout,
                 QStringLiteral("The AI service (TensorZero gateway) did not answer in time. Try again in a "
                                "moment; if it keeps happening, check that the service is running."),
                 what + QStringLiteral(": ") + transport.toString(), true);
    } else if (transport.kind == Error::Kind::Network) {
        e = make(Code::Network,
                 QStringLiteral("Cannot reach the AI service (TensorZero gateway). Start it (see the README) or check "
                                "its address in Settings → AI service."),
                 what + QStringLiteral(": ") + transport.toString(), transport.retryable);
    } else {
        e = make(Code::MalformedResponse, transport.message, what + QStringLiteral(": ") + transport.toString(),
                 transport.retryable);
    }
    return e;
}

QString toString(TensorZeroError::Code code)
{
    using C = TensorZeroError::Code;
    switch (code) {
    case C::BadRequest: return QStringLiteral("bad request");
    case C::Unauthorized: return QStringLiteral("unauthorized");
    case C::NotFound: return QStringLiteral("not found");
    case C::GatewayTimeout: return QStringLiteral("gateway timeout");
    case C::RateLimited: return QStringLiteral("rate limited");
    case C::InternalError: return QStringLiteral("internal error");
    case C::AllVariantsFailed: return QStringLiteral("all variants failed");
    case C::Unavailable: return QStringLiteral("unavailable");
    case C::UnexpectedStatus: return QStringLiteral("unexpected status");
    case C::ParsedNull: return QStringLiteral("invalid model output");
    case C::MalformedResponse: return QStringLiteral("malformed response");
    case C::Network: return QStringLiteral("network");
    case C::Timeout: return QStringLiteral("timeout");
    case C::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace diy
