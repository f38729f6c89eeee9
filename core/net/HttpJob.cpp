#include "net/HttpJob.h"

#include "util/UrlRedaction.h"

#include "util/Log.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace diy {

namespace {

Error makeError(Error::Kind kind, const QString &message, const QString &detail, bool retryable)
{
    Error e;
    e.kind = kind;
    e.message = message;
    e.detail = detail;
    e.retryable = retryable;
    return e;
}

QString hostOf(const QUrl &url)
{
    return url.host() + (url.port() > 0 ? QStringLiteral(":%1").arg(url.port()) : QString());
}

} // namespace

HttpJob::HttpJob(QNetworkAccessManager *network, HttpRequest request, QObject *parent)
    : ValueJob<HttpResponse>(parent), m_network(network), m_request(std::move(request)), m_attemptTimer(new QTimer(this)),
      m_retryTimer(new QTimer(this))
{
    m_attemptTimer->setSingleShot(true);
    m_retryTimer->setSingleShot(true);
    connect(m_attemptTimer, &QTimer::timeout, this, &HttpJob::onAttemptTimeout);
    connect(m_retryTimer, &QTimer::timeout, this, &HttpJob::sendAttempt);
    m_body = m_request.encodedBody(&m_contentType);
}

HttpJob::~HttpJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HttpJob::run()
{
    m_clock.start();
    sendAttempt();
}

void HttpJob::abort()
{
    m_retryTimer->stop();
    m_attemptTimer->stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    finish(Error::cancelled());
}

void HttpJob::sendAttempt()
{
    if (isFinished())
        return;
    ++m_attempt;
    m_timedOut = false;
    m_tooLarge = false;

    QNetworkRequest request(m_request.url);
    for (const auto &[name, value] : m_request.headers)
        request.setRawHeader(name, value);
    if (!m_contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, m_contentType);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    // The job measures its own timeout so a timeout is distinguishable from cancel().
    request.setTransferTimeout(0);

    logDebug(QStringLiteral("HTTP %1 %2 (attempt %3/%4)")
                 .arg(QString::fromLatin1(m_request.methodName()), UrlRedaction::display(m_request.url.adjusted(QUrl::RemoveQuery)))
                 .arg(m_attempt)
                 .arg(m_request.retry.maxAttempts));

    QNetworkReply *reply = nullptr;
    switch (m_request.method) {
    case HttpRequest::Method::Get: reply = m_network->get(request); break;
    case HttpRequest::Method::Post: reply = m_network->post(request, m_body); break;
    case HttpRequest::Method::Put: reply = m_network->put(request, m_body); break;
    case HttpRequest::Method::Delete:
        reply = m_body.isEmpty() ? m_network->deleteResource(request) : m_network->sendCustomRequest(request, "DELETE", m_body);
        break;
    }
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, &HttpJob::onReplyFinished);
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64 total) {
        if (received > m_request.maxResponseBytes && !m_tooLarge) {
            m_tooLarge = true;
            reply->abort();
            return;
        }
        emit downloadProgress(received, total);
        if (total > 0)
            reportProgress(double(received) / double(total));
    });
    connect(reply, &QNetworkReply::uploadProgress, this, &HttpJob::uploadProgress);
    if (m_request.timeoutMs > 0)
        m_attemptTimer->start(m_request.timeoutMs);
}

void HttpJob::onAttemptTimeout()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort(); // finished() follows synchronously or soon after
}

void HttpJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    m_attemptTimer->stop();
    reply->deleteLater();

    if (m_tooLarge) {
        complete(makeError(Error::Kind::Server, QStringLiteral("The server's answer was too large."),
                           QStringLiteral("more than %1 bytes from %2").arg(m_request.maxResponseBytes).arg(hostOf(m_request.url)),
                           false));
        return;
    }
    if (m_timedOut) {
        scheduleRetryOrFinish(makeError(Error::Kind::Timeout,
                                        QStringLiteral("%1 did not answer in time.").arg(hostOf(m_request.url)),
                                        QStringLiteral("no complete answer after %1 ms").arg(m_request.timeoutMs), true),
                              std::nullopt, std::nullopt);
        return;
    }

    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        // No HTTP answer at all: refused, dropped, reset, DNS, TLS…
        const bool retryable =
            reply->error() != QNetworkReply::ProtocolUnknownError && reply->error() != QNetworkReply::HostNotFoundError;
        scheduleRetryOrFinish(
            makeError(Error::Kind::Network,
                      QStringLiteral("Cannot reach %1. Check that the server is running and the address is right.")
                          .arg(hostOf(m_request.url)),
                      UrlRedaction::text(reply->errorString()), retryable),
            std::nullopt, std::nullopt);
        return;
    }

    HttpResponse response;
    response.status = statusAttribute.toInt();
    for (const auto &pair : reply->rawHeaderPairs())
        response.headers.append(pair);
    response.body = reply->readAll();
    response.attempts = m_attempt;

    if (RetryPolicy::isRetryableStatus(response.status)) {
        std::optional<qint64> retryAfter;
        const QByteArray header = response.header("Retry-After");
        if (!header.isEmpty())
            retryAfter = RetryPolicy::parseRetryAfter(header, QDateTime::currentDateTimeUtc());
        if (!retryAfter && m_request.retryDelayFromAnswer)
            retryAfter = m_request.retryDelayFromAnswer(response);
        const Error::Kind kind = response.status == 429                             ? Error::Kind::RateLimited
                                 : response.status == 408 || response.status == 504 ? Error::Kind::Timeout
                                                                                    : Error::Kind::Server;
        scheduleRetryOrFinish(
            makeError(kind, QStringLiteral("HTTP %1").arg(response.status), QString::fromUtf8(response.body.left(300)), true),
            retryAfter, response);
        return;
    }
    complete(std::move(response));
}

void HttpJob::scheduleRetryOrFinish(const Error &reason, std::optional<qint64> retryAfterMs,
                                    std::optional<HttpResponse> lastResponse)
{
    const bool canRetry = reason.retryable && m_attempt < m_request.retry.maxAttempts;
    const bool retryAfterTooLong = retryAfterMs && *retryAfterMs > m_request.retry.maxRetryAfterMs;
    if (!canRetry || retryAfterTooLong) {
        if (lastResponse) {
            complete(std::move(*lastResponse)); // the caller maps the final status to its own error
            return;
        }
        Error error = reason;
        error.detail +=
            QStringLiteral(" (after %1 attempt%2)").arg(m_attempt).arg(m_attempt == 1 ? QString() : QStringLiteral("s"));
        complete(std::move(error));
        return;
    }
    qint64 delay = m_request.retry.backoffMs(m_attempt + 1);
    if (retryAfterMs)
        delay = std::max(delay, *retryAfterMs);
    logInfo(QStringLiteral("%1: %2; trying again in %3 ms")
                .arg(m_request.label.isEmpty() ? hostOf(m_request.url) : m_request.label, reason.toString())
                .arg(delay));
    emit retrying(m_attempt + 1, reason, int(delay));
    m_retryTimer->start(int(delay));
}

void HttpJob::complete(Result<HttpResponse> result)
{
    if (isFinished())
        return;
    if (result)
        succeed(std::move(result).value());
    else
        finish(result.error());
}

} // namespace diy
