#pragma once

#include "net/HttpResponse.h"
#include "net/RetryPolicy.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>

namespace diy {

/// One part of a multipart/form-data body: a field, or a file when `fileName` is set.
struct HttpFormPart {
    QString name;
    QByteArray data;
    QString fileName;
    QByteArray contentType; ///< e.g. "image/png"; empty for plain fields
};

/// Everything an HttpJob needs to make (and repeat) one request. A value type: the job keeps a
/// copy so every retry sends exactly the same bytes.
struct HttpRequest {
    enum class Method { Get, Post, Put, Delete };
    enum class BodyKind { None, Json, UrlEncoded, Multipart, Raw };

    Method method = Method::Get;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers; ///< extra headers (never logged)
    BodyKind bodyKind = BodyKind::None;
    nlohmann::json json;                           ///< BodyKind::Json
    QList<QPair<QString, QString>> formFields;     ///< BodyKind::UrlEncoded
    QList<HttpFormPart> parts;                     ///< BodyKind::Multipart
    QByteArray rawBody;                            ///< BodyKind::Raw
    QByteArray rawContentType;                     ///< BodyKind::Raw
    int timeoutMs = 60'000;                        ///< per attempt, from sending to the last byte
    qint64 maxResponseBytes = 512LL * 1024 * 1024; ///< a larger answer ends the job
    RetryPolicy retry;
    /// For a retryable answer without a usable Retry-After header: the wait the answer itself asks
    /// for (e.g. Gemini's RetryInfo.retryDelay in the body), or nothing for the computed backoff.
    /// Treated like Retry-After: it wins over a shorter backoff and is capped by maxRetryAfterMs.
    std::function<std::optional<qint64>(const HttpResponse &answer)> retryDelayFromAnswer;
    QString label; ///< short description for logs ("tensorzero /inference")

    static HttpRequest get(const QUrl &url);
    static HttpRequest postJson(const QUrl &url, nlohmann::json body);
    static HttpRequest postForm(const QUrl &url, QList<QPair<QString, QString>> fields);
    static HttpRequest postMultipart(const QUrl &url, QList<HttpFormPart> parts);

    /// The exact body bytes and content type (multipart boundary included) for this request.
    QByteArray encodedBody(QByteArray *contentType) const;
    QByteArray methodName() const;
};

} // namespace diy
