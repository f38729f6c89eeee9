#include "TzTestSupport.h"
#include "net/HttpJob.h"
#include "tensorzero/GatewayDouble.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QtTest>

using namespace diy;
using namespace diy::test;

class TestHttpJob : public QObject {
    Q_OBJECT
private:
    static RetryPolicy fast()
    {
        RetryPolicy p;
        p.maxAttempts = 3;
        p.initialDelayMs = 5;
        p.maxDelayMs = 20;
        return p;
    }
    /// The job's one answer; runJob() fails the test when none comes or finished() fires twice.
    static std::optional<Result<HttpResponse>> run(HttpJob *job, int *emissions, const char *file = __builtin_FILE(),
                                                   int line = __builtin_LINE())
    {
        auto out = runJob<Result<HttpResponse>>(job, file, line);
        *emissions = out ? 1 : 0;
        return out;
    }

private slots:
    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("expectedMs"); // -1: unparsable
        QTest::newRow("seconds") << QByteArray("7") << qint64(7000);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("imf-fixdate") << QByteArray("Wed, 01 Jan 2025 00:00:30 GMT") << qint64(30000);
        QTest::newRow("rfc850") << QByteArray("Wednesday, 01-Jan-25 00:01:00 GMT") << qint64(60000);
        QTest::newRow("asctime") << QByteArray("Wed Jan  1 00:00:05 2025") << qint64(5000);
        QTest::newRow("past date") << QByteArray("Tue, 31 Dec 2024 23:00:00 GMT") << qint64(0);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
        QTest::newRow("negative") << QByteArray("-3") << qint64(-1);
    }
    void retryAfter()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, expectedMs);
        const QDateTime now(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
        const auto got = RetryPolicy::parseRetryAfter(header, now);
        QCOMPARE(got.value_or(-1), expectedMs);
    }

    void retryableStatuses()
    {
        for (int s : {408, 429, 502, 503, 504})
            QVERIFY(RetryPolicy::isRetryableStatus(s));
        for (int s : {200, 400, 401, 403, 404, 422, 500})
            QVERIFY(!RetryPolicy::isRetryableStatus(s));
    }

    void backoffGrowsWithJitterAndCap()
    {
        RetryPolicy p;
        p.initialDelayMs = 100;
        p.multiplier = 2;
        p.maxDelayMs = 350;
        p.jitter = 0.2;
        for (int i = 0; i < 50; ++i) {
            const int second = p.backoffMs(2), third = p.backoffMs(3), fifth = p.backoffMs(5);
            QVERIFY(second >= 80 && second <= 120);
            QVERIFY(third >= 160 && third <= 240);
            QVERIFY(fifth >= 280 && fifth <= 420);
        }
    }

    void bodies()
    {
        QByteArray type;
        HttpRequest form =
            HttpRequest::postForm(QUrl(QStringLiteral("http://x")),
                                  {{QStringLiteral("a b"), QStringLiteral("c&d")}, {QStringLiteral("e"), QStringLiteral("f")}});
        QCOMPARE(form.encodedBody(&type), QByteArray("a%20b=c%26d&e=f"));
        QCOMPARE(type, QByteArray("application/x-www-form-urlencoded"));
        HttpRequest multi = HttpRequest::postMultipart(
            QUrl(QStringLiteral("http://x")), {{QStringLiteral("prompt"), "hello", {}, {}},
                                               {QStringLiteral("image"), "PNGDATA", QStringLiteral("a.png"), "image/png"}});
        const QByteArray body = multi.encodedBody(&type);
        QVERIFY(type.startsWith("multipart/form-data; boundary="));
        const QByteArray boundary = type.mid(type.indexOf('=') + 1);
        QVERIFY(
            body.startsWith(QByteArray("--" + boundary + "\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nhello\r\n")));
        QVERIFY(body.contains("name=\"image\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\nPNGDATA\r\n"));
        QVERIFY(body.endsWith(QByteArray("--" + boundary + "--\r\n")));
        HttpRequest j = HttpRequest::postJson(QUrl(QStringLiteral("http://x")), {{"k", 1}});
        QCOMPARE(j.encodedBody(&type), QByteArray("{\"k\":1}"));
    }

    void retriesServiceUnavailableThenSucceeds()
    {
        GatewayDouble server;
        QVERIFY(server.listen());
        server.injectFault(QStringLiteral("/status"), {GatewayDouble::Fault::Kind::Unavailable}, 2);
        QNetworkAccessManager network;
        HttpRequest request = HttpRequest::get(QUrl(server.url().toString() + QStringLiteral("/status")));
        request.retry = fast();
        auto *job = new HttpJob(&network, request);
        QSignalSpy retrying(job, &HttpJob::retrying);
        int emissions = 0;
        const auto result = run(job, &emissions);
        QVERIFY(result && result->ok());
        QCOMPARE(result->value().status, 200);
        QCOMPARE(result->value().attempts, 3);
        QCOMPARE(retrying.count(), 2);
        QCOMPARE(emissions, 1);
        QVERIFY(!result->value().header("X-TensorZero-Gateway-Version").isEmpty());
    }

    void notFoundIsFinalWithoutRetry()
    {
        GatewayDouble server;
        QVERIFY(server.listen());
        QNetworkAccessManager network;
        HttpRequest request = HttpRequest::get(QUrl(server.url().toString() + QStringLiteral("/nope")));
        request.retry = fast();
        int emissions = 0;
        const auto result = run(new HttpJob(&network, request), &emissions);
        QVERIFY(result && result->ok());
        QCOMPARE(result->value().status, 404);
        QCOMPARE(server.requests().size(), 1);
    }

    void timeoutThenCancel()
    {
        GatewayDouble server;
        QVERIFY(server.listen());
        server.injectFault(QStringLiteral("/status"), {GatewayDouble::Fault::Kind::Latency, 800}, 5);
        QNetworkAccessManager network;
        HttpRequest request = HttpRequest::get(QUrl(server.url().toString() + QStringLiteral("/status")));
        request.retry = RetryPolicy::none();
        request.timeoutMs = 100;
        int emissions = 0;
        auto result = run(new HttpJob(&network, request), &emissions);
        QVERIFY(result && !result->ok());
        QCOMPARE(int(result->error().kind), int(Error::Kind::Timeout));
        QVERIFY(result->error().retryable);

        // Cancel while the server holds the request: one finished(Cancelled), then the job goes.
        server.clearFaults();
        server.injectFault(QStringLiteral("/status"), {GatewayDouble::Fault::Kind::Hold}, 1);
        QSignalSpy held(&server, &GatewayDouble::requestHeld);
        request.timeoutMs = 60000;
        QPointer<HttpJob> job = new HttpJob(&network, request);
        int count = 0;
        std::optional<Result<HttpResponse>> cancelled;
        connect(job, &HttpJob::finished, this, [&](const Status &) {
            cancelled = job->result();
            ++count;
            job->deleteLater(); // the creator owns the job
        });
        job->start();
        QTRY_COMPARE_WITH_TIMEOUT(held.count(), 1, kHungJobMs);
        job->cancel();
        QCOMPARE(count, 0); // never from inside cancel()
        QTRY_COMPARE(count, 1);
        QVERIFY(cancelled->error().isCancelled());
        QTRY_VERIFY_WITH_TIMEOUT(job.isNull(), kHungJobMs);
        QCOMPARE(count, 1);
    }

    void connectionRefused()
    {
        QNetworkAccessManager network;
        HttpRequest request = HttpRequest::get(QUrl(QStringLiteral("http://127.0.0.1:1/status")));
        request.retry = fast();
        int emissions = 0;
        const auto result = run(new HttpJob(&network, request), &emissions);
        QVERIFY(result && !result->ok());
        QCOMPARE(int(result->error().kind), int(Error::Kind::Network));
        QVERIFY(result->error().detail.contains(QStringLiteral("3 attempts")));
    }

    void retryDelayFromTheAnswerBody()
    {
        // A server that puts its wait hint in the body (Gemini's RetryInfo) instead of Retry-After.
        GatewayDouble server;
        QVERIFY(server.listen());
        server.injectFault(QStringLiteral("/status"), {GatewayDouble::Fault::Kind::RateLimited}, 1);
        QNetworkAccessManager network;
        HttpRequest request = HttpRequest::get(QUrl(server.url().toString() + QStringLiteral("/status")));
        request.retry = fast();
        QList<int> seen;
        request.retryDelayFromAnswer = [&seen](const HttpResponse &answer) -> std::optional<qint64> {
            seen.append(answer.status);
            return answer.body.contains("Rate limited") ? std::optional<qint64>(600) : std::nullopt;
        };
        auto *job = new HttpJob(&network, request);
        QSignalSpy retrying(job, &HttpJob::retrying);
        int emissions = 0;
        const auto result = run(job, &emissions);
        QVERIFY(result && result->ok());
        QCOMPARE(result->value().status, 200);
        QCOMPARE(seen, QList<int>{429});
        QCOMPARE(retrying.count(), 1);
        QCOMPARE(retrying.first().at(2).toInt(), 600); // the hint, not the 5 ms backoff

        // A hint beyond maxRetryAfterMs ends the job with the answer instead of waiting.
        server.injectFault(QStringLiteral("/status"), {GatewayDouble::Fault::Kind::RateLimited}, 1);
        request.retryDelayFromAnswer = [](const HttpResponse &) -> std::optional<qint64> { return 600'000; };
        const auto capped = run(new HttpJob(&network, request), &emissions);
        QVERIFY(capped && capped->ok());
        QCOMPARE(capped->value().status, 429);
        QCOMPARE(capped->value().attempts, 1);
    }
};

QTEST_GUILESS_MAIN(TestHttpJob)
#include "tst_http_job.moc"
