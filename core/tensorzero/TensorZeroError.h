#pragma once

#include <optional>

#include "net/HttpResponse.h"
#include "util/Error.h"
#include "util/Result.h"

#include <QString>

namespace diy {

/// A failed gateway call, typed by what the gateway said (docs/tensorzero-api.md, "Errors").
/// `error` is the generic diy::Error (user message, detail, retryable) the UI shows.
struct TensorZeroError {
    enum class Code {
        BadRequest,        ///< 400: validation, schema or template mismatch, unknown field, bad id
        Unauthorized,      ///< 401
        NotFound,          ///< 404: unknown function, variant, metric or route
        GatewayTimeout,    ///< 408 (and 504)
        RateLimited,       ///< 429 after every retry
        InternalError,     ///< 500
        AllVariantsFailed, ///< 502 "All variants failed with errors"
        Unavailable,       ///< 503 (e.g. /health with a backend down)
        UnexpectedStatus,  ///< any other status
        ParsedNull,        ///< 200 with output.parsed == null: the model's JSON was invalid
        MalformedResponse, ///< 200 but the body is not the documented shape
        Network,           ///< no answer: refused, dropped, DNS
        Timeout,           ///< no complete answer in time
        Cancelled,
    };

    Code code = Code::UnexpectedStatus;
    int httpStatus = 0;
    QString gatewayMessage; ///< the gateway's {"error": "…"} text
    QString rawOutput;      ///< ParsedNull: the model's raw text (may be empty when raw was null)
    QString gatewayVersion; ///< x-tensorzero-gateway-version of the answer, when there was one
    Error error;

    bool retryable() const { return error.retryable; }
    bool isCancelled() const { return code == Code::Cancelled; }

    static TensorZeroError fromResponse(const HttpResponse &response, const QString &what);
    static TensorZeroError fromTransport(const Error &transport, const QString &what);
    static TensorZeroError make(Code code, const QString &message, const QString &detail, bool retryable);
    /// The failure of an answer that did not arrive (transport) or is not a 2xx; none for a 2xx.
    static std::optional<TensorZeroError> fromAnswer(const Result<HttpResponse> &answer, const QString &what);
    /// A 2xx whose body is not what the route promises.
    static TensorZeroError malformed(const HttpResponse &response, const QString &what, const QString &message,
                                     const QString &why, bool retryable);
};

QString toString(TensorZeroError::Code code);

} // namespace diy
