#pragma once

#include "net/HttpRequest.h"
#include "net/HttpResponse.h"
#include "util/Job.h"
#include "util/Result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace diy {

/// One HTTP exchange as a job (the Job contract: start(), cancel(), progress, exactly one
/// finished(Status); result() is the final answer).
///
/// Retries live inside the job: 408/429/502/503/504, timeouts and dropped or refused connections
/// are tried again with exponential backoff and jitter (RetryPolicy), waiting at least as long as
/// a Retry-After header asks (seconds or HTTP-date) or, without one, what the request's
/// retryDelayFromAnswer hook reads from the answer. Other statuses are final and reported as an
/// HttpResponse (a successful job), so callers map them to their own errors. Transport failures,
/// cancellation and exhausted retries without any answer finish the job with an Error.
///
/// The job never owns the QNetworkAccessManager; one manager is shared by the whole app.
class HttpJob : public ValueJob<HttpResponse> {
    Q_OBJECT
public:
    HttpJob(QNetworkAccessManager *network, HttpRequest request, QObject *parent = nullptr);
    ~HttpJob() override;

    int attempt() const { return m_attempt; }
    const HttpRequest &request() const { return m_request; }

signals:
    /// An attempt failed and another follows after `delayMs`.
    void retrying(int nextAttempt, const diy::Error &reason, int delayMs);
    void downloadProgress(qint64 received, qint64 total);
    void uploadProgress(qint64 sent, qint64 total);

private:
    void run() override;
    void abort() override;
    void sendAttempt();
    void onReplyFinished();
    void onAttemptTimeout();
    void scheduleRetryOrFinish(const Error &reason, std::optional<qint64> retryAfterMs, std::optional<HttpResponse> lastResponse);
    void complete(Result<HttpResponse> result);

    QNetworkAccessManager *m_network;
    HttpRequest m_request;
    QByteArray m_body;
    QByteArray m_contentType;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_attemptTimer;
    QTimer *m_retryTimer;
    QElapsedTimer m_clock;
    int m_attempt = 0;
    bool m_timedOut = false;
    bool m_tooLarge = false;
};

} // namespace diy
