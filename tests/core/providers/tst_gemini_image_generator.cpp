#include "ProviderTestSupport.h"
#include "images/GeminiImageDouble.h"
#include "providers/ApiKeyStore.h"
#include "providers/GeminiImageGenerator.h"
#include "providers/GeminiImageJob.h"
#include "providers/PictureReceipt.h"
#include "util/ContentHash.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QtTest>

using namespace diy;
using namespace diy::test;
using Fault = ImageApiDouble::Fault;
using json = nlohmann::json;

class TestGeminiImageGenerator : public QObject {
    Q_OBJECT
private:
    QNetworkAccessManager m_network;
    ApiKeyStore m_keys{QStringLiteral("diy-studio-tests")};
    GeminiImageDouble *m_double = nullptr;
    QTemporaryDir *m_dir = nullptr;

    GeminiImageGenerator generator(int attempts = 3, int timeoutMs = 30'000)
    {
        GeminiImageGenerator::Options o;
        o.baseUrl = m_double->url();
        o.retry = fastRetry(attempts);
        o.timeoutMs = timeoutMs;
        return GeminiImageGenerator(&m_network, &m_keys, o);
    }
    Result<GeneratedImage> draw(GeminiImageGenerator &g, const GeneratedImageSpec &spec, int *emissions = nullptr)
    {
        ValueJob<GeneratedImage> *job = g.generate(spec, this);
        auto result = runJob(job, emissions);
        delete job;
        return result;
    }
    QString out() const { return m_dir->filePath(QStringLiteral("images")); }
    static QString promptText(const GeneratedImageSpec &s) { return s.prompt + QLatin1Char('\n') + s.style; }
    void expectBlocked(const Result<GeneratedImage> &r, const QString &reason)
    {
        QVERIFY(!r);
        QCOMPARE(toString(r.error().kind), toString(Error::Kind::Blocked));
        QVERIFY2(r.error().message.contains(reason), qPrintable(r.error().message));
        for (const char *wayOut : {"Edit the prompt", "card", "photo", "Step 2"})
            QVERIFY2(r.error().message.contains(QLatin1String(wayOut)), qPrintable(r.error().message));
        QVERIFY(filesIn(out()).isEmpty());
    }

private slots:
    void initTestCase() { qputenv("GEMINI_API_KEY", "test-key"); }

    void init()
    {
        m_double = new GeminiImageDouble(this);
        QVERIFY(m_double->listen());
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
    }
    void cleanup()
    {
        delete m_double;
        delete m_dir;
    }

    void drawsForEveryFormat_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("ratio");
        QTest::newRow("vertical") << int(VideoFormat::Kind::Vertical) << QStringLiteral("9:16");
        QTest::newRow("landscape") << int(VideoFormat::Kind::Landscape) << QStringLiteral("16:9");
        QTest::newRow("square") << int(VideoFormat::Kind::Square) << QStringLiteral("1:1");
    }
    void drawsForEveryFormat()
    {
        QFETCH(int, format);
        QFETCH(QString, ratio);
        GeminiImageGenerator g = generator();
        const GeneratedImageSpec spec = pictureSpec(out(), VideoFormat::Kind(format));
        int emissions = 0;
        const auto r = draw(g, spec, &emissions);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(emissions, 1);
        QCOMPARE(r->provider, QStringLiteral("gemini"));
        QCOMPARE(r->model, QStringLiteral("gemini-2.5-flash-image"));
        QCOMPARE(r->costUsd, 0.039);
        QVERIFY(r->milliseconds >= 0);
        QCOMPARE(r->mimeType, QStringLiteral("image/png"));
        QCOMPARE(QFileInfo(r->path).fileName(), r->sha256 + QStringLiteral(".png"));
        QCOMPARE(QFileInfo(r->path).absolutePath(), QDir(out()).absolutePath());
        QCOMPARE(ContentHash::ofFile(r->path), r->sha256);
        QCOMPARE(QImage(r->path).size(), GeminiImageDouble::pictureSize(ratio));
        QCOMPARE(centreColour(r->path), ImageApiDouble::colorFor(promptText(spec)));
        QCOMPARE(filesIn(out()).size(), 1); // no temporary file left behind

        QCOMPARE(m_double->requests().size(), 1);
        const auto req = m_double->requests().first();
        QCOMPARE(req.method, QByteArray("POST"));
        QCOMPARE(req.path, QStringLiteral("/v1beta/models/gemini-2.5-flash-image:generateContent"));
        QCOMPARE(req.headers.value("x-goog-api-key"), QByteArray("test-key"));
        QVERIFY(req.query.isEmpty()); // the key never goes into the URL
        const json &body = req.json;
        QCOMPARE(body["generationConfig"]["imageConfig"]["aspectRatio"], ratio.toStdString());
        QCOMPARE(body["generationConfig"]["responseModalities"], json::array({"IMAGE"}));
        const json &parts = body["contents"][0]["parts"];
        QCOMPARE(parts.size(), std::size_t(2));
        QCOMPARE(parts[0]["text"], spec.prompt.toStdString());
        QCOMPARE(parts[1]["text"], spec.style.toStdString()); // the shared style in every prompt
        QCOMPARE(m_double->picturesServed(), 1);
    }

    void aPaidPictureIsNeverAskedForTwice()
    {
        GeminiImageGenerator g = generator();
        const GeneratedImageSpec spec = pictureSpec(out());
        const auto a = draw(g, spec);
        QVERIFY(a);
        QVERIFY(!a->reused);
        GeneratedImageSpec keyed = spec; // the generator fills in its provider and default model
        keyed.provider = QStringLiteral("gemini");
        keyed.model = QStringLiteral("gemini-2.5-flash-image");
        QCOMPARE(a->key, keyed.key(g.engineVersion()));
        const QString receipt = PictureReceipt::pathFor(out(), a->key);
        QVERIFY(QFileInfo::exists(receipt));
        QFile f(receipt);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const json r = json::parse(f.readAll().toStdString());
        QCOMPARE(r["prompt"], spec.prompt.toStdString());
        QCOMPARE(r["provider"], "gemini");
        QCOMPARE(r["model"], "gemini-2.5-flash-image");
        QCOMPARE(r["costUsd"], 0.039);
        QCOMPARE(r["sha256"], a->sha256.toStdString());

        // Again (a resumed run): the receipt answers, nothing is sent, nothing paid.
        const auto b = draw(g, spec);
        QVERIFY(b);
        QVERIFY(b->reused);
        QCOMPARE(b->path, a->path);
        QCOMPARE(b->costUsd, a->costUsd);
        QCOMPARE(m_double->pictureRequests(), 1);

        // Another style is another picture.
        GeneratedImageSpec other = spec;
        other.style = QStringLiteral("Pencil sketch");
        const auto c = draw(g, other);
        QVERIFY(c && !c->reused);
        QCOMPARE(m_double->pictureRequests(), 2);

        // A receipt whose picture is gone (or damaged) is not trusted: the picture is made again.
        QVERIFY(QFile::remove(a->path));
        const auto d = draw(g, spec);
        QVERIFY(d && !d->reused);
        QCOMPARE(d->path, a->path);
        QCOMPARE(m_double->pictureRequests(), 3);
        QCOMPARE(filesIn(out()).size(), 2);
    }

    void sendsReferencePicturesAsInlineData()
    {
        const QByteArray reference = ImageApiDouble::png(Qt::red, QSize(80, 80));
        const QString refPath = m_dir->filePath(QStringLiteral("first.png"));
        QFile f(refPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(reference);
        f.close();
        GeneratedImageSpec spec = pictureSpec(out());
        spec.references.append({refPath, ContentHash::ofBytes(reference), QStringLiteral("image/png")});
        GeminiImageGenerator g = generator();
        const auto r = draw(g, spec);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        const json parts = m_double->requests().first().json["contents"][0]["parts"];
        QCOMPARE(parts.size(), std::size_t(3));
        QCOMPARE(parts[2]["inlineData"]["mimeType"], "image/png");
        QCOMPARE(QByteArray::fromBase64(QByteArray::fromStdString(parts[2]["inlineData"]["data"].get<std::string>())), reference);
    }

    void missingReferenceIsAClearErrorWithoutACall()
    {
        GeneratedImageSpec spec = pictureSpec(out());
        spec.references.append({m_dir->filePath(QStringLiteral("gone.png")), QStringLiteral("00"), QStringLiteral("image/png")});
        GeminiImageGenerator g = generator();
        const auto r = draw(g, spec);
        QVERIFY(!r);
        QCOMPARE(toString(r.error().kind), toString(Error::Kind::InvalidInput));
        QVERIFY(r.error().message.contains(QStringLiteral("gone.png")));
        QCOMPARE(m_double->requests().size(), 0);
    }

    void skipsThoughtPictures()
    {
        m_double->setThoughtPictures(true);
        GeminiImageGenerator g = generator();
        const GeneratedImageSpec spec = pictureSpec(out());
        const auto r = draw(g, spec);
        QVERIFY(r);
        QCOMPARE(centreColour(r->path), ImageApiDouble::colorFor(promptText(spec)));
    }

    void quotaWaitsAsLongAsRetryInfoAsks()
    {
        m_double->injectFault({Fault::Kind::RateLimited, 0, QStringLiteral("0.6s"), {}});
        GeminiImageGenerator g = generator();
        const auto r = draw(g, pictureSpec(out()));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        const auto reqs = m_double->requests();
        QCOMPARE(reqs.size(), 2);
        QCOMPARE(reqs[0].status, 429);
        // The backoff alone is 5 ms; only the body's RetryInfo makes the job wait this long.
        QVERIFY2(reqs[1].receivedMs - reqs[0].receivedMs >= 550,
                 qPrintable(QString::number(reqs[1].receivedMs - reqs[0].receivedMs)));
        QCOMPARE(m_double->picturesServed(), 1);
    }

    void quotaWithoutHintBacksOff()
    {
        m_double->injectFault({Fault::Kind::RateLimited, 0, {}, {}}, 2);
        GeminiImageGenerator g = generator(3);
        const auto r = draw(g, pictureSpec(out()));
        QVERIFY(r);
        QCOMPARE(m_double->pictureRequests(), 3);
    }

    void quotaLongerThanTheLimitFailsAtOnce()
    {
        m_double->injectFault({Fault::Kind::RateLimited, 0, QStringLiteral("3600s"), {}});
        GeminiImageGenerator g = generator(5);
        const auto r = draw(g, pictureSpec(out()));
        QVERIFY(!r);
        QCOMPARE(toString(r.error().kind), toString(Error::Kind::RateLimited));
        QVERIFY2(r.error().message.contains(QStringLiteral("quota")), qPrintable(r.error().message));
        QVERIFY2(r.error().message.contains(QStringLiteral("3600 s")), qPrintable(r.error().message));
        QCOMPARE(m_double->pictureRequests(), 1);
    }

    void retryDelayParsing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("seconds") << QStringLiteral("17s") << qint64(17000);
        QTest::newRow("fraction") << QStringLiteral("0.5s") << qint64(500);
        QTest::newRow("nanos") << QStringLiteral("1.000000001s") << qint64(1000);
        QTest::newRow("no unit") << QStringLiteral("17") << qint64(-1);
        QTest::newRow("negative") << QStringLiteral("-1s") << qint64(-1);
        QTest::newRow("garbage") << QStringLiteral("soon") << qint64(-1);
    }
    void retryDelayParsing()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        QCOMPARE(GeminiImageJob::parseDuration(text).value_or(-1), ms);
    }

    void overloadWaitsAndRetries()
    {
        m_double->injectFault({Fault::Kind::Unavailable, 0, {}, {}}, 2);
        GeminiImageGenerator g = generator(3);
        const auto r = draw(g, pictureSpec(out()));
        QVERIFY(r);
        QCOMPARE(m_double->pictureRequests(), 3);
        QCOMPARE(m_double->picturesServed(), 1);
    }

    void overloadThatLastsIsAServerError()
    {
        m_double->injectFault({Fault::Kind::Unavailable, 0, {}, {}}, 10);
        GeminiImageGenerator g = generator(3);
        const auto r = draw(g, pictureSpec(out()));
        QVERIFY(!r);
        QCOMPARE(toString(r.error().kind), toString(Error::Kind::Server));
        QVERIFY2(r.error().message.contains(QStringLiteral("overloaded")), qPrintable(r.error().message));
        QCOMPARE(m_double->pictureRequests(), 3);
    }

    void safetyStopsAreBlocked_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("shown");
        QTest::newRow("SAFETY") << QStringLiteral("SAFETY") << QStringLiteral("SAFETY");
        QTest::newRow("IMAGE_SAFETY") << QStringLiteral("IMAGE_SAFETY") << QStringLiteral("IMAGE_SAFETY");
        QTest::newRow("PROHIBITED_CONTENT") << QStringLiteral("PROHIBITED_CONTENT") << QStringLiteral("PROHIBITED_CONTENT");
        QTest::newRow("IMAGE_PROHIBITED_CONTENT")
            << QStringLiteral("IMAGE_PROHIBITED_CONTENT") << QStringLiteral("IMAGE_PROHIBITED_CONTENT");
        QTest::newRow("NO_IMAGE") << QStringLiteral("NO_IMAGE") << QStringLiteral("NO_IMAGE");
        QTest::newRow("text only") << QStringLiteral("STOP") << QStringLiteral("NO_IMAGE");
        QTest::newRow("promptFeedback") << QStringLiteral("PROMPT:SAFETY") << QStringLiteral("SAFETY");
        QTest::newRow("promptFeedback other") << QStringLiteral("PROMPT:OTHER") << QStringLiteral("OTHER");
    }
    void safetyStopsAreBlocked()
    {
        QFETCH(QString, reason);
        QFETCH(QString, shown);
        m_double->injectFault({Fault::Kind::Blocked, 0, {}, reason});
        GeminiImageGenerator g = generator();
        const auto r = draw(g, pictureSpec(out()));
        expectBlocked(r, shown);
        QCOMPARE(m_double->pictureRequests(), 1); // a refusal is not retried
    }

    void malformedAnswers_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("truncated JSON") << int(Fault::Kind::MalformedBody);
        QTest::newRow("not a picture") << int(Fault::Kind::NotAPicture);
        QTest::newRow("damaged PNG") << int(Fault::Kind::DamagedPicture);
    }
    void malformedAnswers()
    {
        QFETCH(int, kind);
        m_double->injectFault({Fault::Kind(kind), 0, {}, {}});
        GeminiImageGenerator g = generator();
        const auto r = draw(g, pictureSpec(out()));
        QVERIFY(!r);
        QCOMPARE(toString(r.error().kind), toString(Error::Kind::Server));
        QVERIFY2(r.error().message.contains(QStringLiteral("Google Gemini")), qPrintable(r.error().message));
        QVERIFY(filesIn(out()).isEmpty());
    }

    void droppedConnectionIsRetried()
    {
        m_double->injectFault({Fault::Kind::DropConnection, 0, {}, {}});
        GeminiImageGenerator g = generator();
        const auto r = draw(g, pictureSpec(out()));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(m_double->pictureRequests(), 2);
    }

    void connectionThatKeepsDroppingIsANetworkError()
    {
        m_double->injectFault({Fault::Kind::DropConnection, 0, {}, {}}, 10);
        GeminiImageGenerator g = generator(2);
        const auto r = draw(g, pictureSpec(out()));
        QVERIFY(!r);
        QCOMPARE(toString(r.error().kind), toString(Error::Kind::Network));
        // Two attempts of the job; Qt's HTTP layer may resend a request once on a connection
        // closed before any answer, so each attempt reaches the server once or twice.
        QVERIFY2(m_double->pictureRequests() >= 2 && m_double->pictureRequests() <= 4,
                 qPrintable(QString::number(m_double->pictureRequests())));
    }

    void slowAnswerTimesOutAndIsRetried()
    {
        m_double->injectFault({Fault::Kind::Latency, 3000, {}, {}});
        GeminiImageGenerator g = generator(2, 300);
        const auto r = draw(g, pictureSpec(out()));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(m_double->received(), 2);
        QCOMPARE(m_double->picturesServed(), 1);
        // The slow first request is recorded once the double gives up on it (the client left).
        QTRY_COMPARE_WITH_TIMEOUT(m_double->pictureRequests(), 2, 20'000);
        QCOMPARE(m_double->requests().last().status, 0);
    }

    void slowAnswerWithinTheTimeoutIsWaitedFor()
    {
        m_double->injectFault({Fault::Kind::Latency, 300, {}, {}});
        GeminiImageGenerator g = generator(1, 30'000);
        const auto r = draw(g, pictureSpec(out()));
        QVERIFY(r);
        QCOMPARE(m_double->pictureRequests(), 1);
    }

    void wrongKeyIsAnAuthError()
    {
        m_double->setApiKey(QStringLiteral("another-key"));
        GeminiImageGenerator g = generator();
        const auto r = draw(g, pictureSpec(out()));
        QVERIFY(!r);
        QCOMPARE(toString(r.error().kind), toString(Error::Kind::Auth));
        QVERIFY2(r.error().message.contains(QStringLiteral("GEMINI_API_KEY")), qPrintable(r.error().message));
        QCOMPARE(m_double->pictureRequests(), 1);
    }

    void unknownModelIsNotFound()
    {
        GeminiImageGenerator g = generator();
        GeneratedImageSpec spec = pictureSpec(out());
        spec.model = QStringLiteral("gemini-9-image");
        const auto r = draw(g, spec);
        QVERIFY(!r);
        QCOMPARE(toString(r.error().kind), toString(Error::Kind::NotFound));
        QVERIFY(r.error().message.contains(QStringLiteral("gemini-9-image")));
    }

    void cancelStopsTheRequest()
    {
        m_double->injectFault({Fault::Kind::Latency, 5000, {}, {}});
        GeminiImageGenerator g = generator();
        ValueJob<GeneratedImage> *job = g.generate(pictureSpec(out()), this);
        int emissions = 0;
        connect(job, &Job::finished, this, [&emissions] { ++emissions; });
        job->start();
        // wait until the request reached the double (which holds it for 5 s)
        QTRY_COMPARE_WITH_TIMEOUT(m_double->received(), 1, 20'000);
        job->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(emissions, 1, 10'000);
        QVERIFY(job->result().error().isCancelled());
        QTRY_COMPARE_WITH_TIMEOUT(m_double->requests().size(), 1, 20'000); // the double saw the client go
        QCOMPARE(m_double->requests().first().status, 0);
        QCOMPARE(emissions, 1);
        QVERIFY(filesIn(out()).isEmpty());
        delete job;
    }

    void testAccessReportsTheKeyState()
    {
        GeminiImageGenerator g = generator();
        ValueJob<QString> *ok = g.testAccess(QString(), this);
        const auto good = runJob(ok);
        QVERIFY2(good, qPrintable(good ? QString() : good.error().toString()));
        QVERIFY(good->contains(QStringLiteral("gemini-2.5-flash-image")));
        QCOMPARE(m_double->requests().last().method, QByteArray("GET"));
        QCOMPARE(m_double->requests().last().path, QStringLiteral("/v1beta/models/gemini-2.5-flash-image"));
        QCOMPARE(m_double->picturesServed(), 0); // no paid call

        ValueJob<QString> *bad = g.testAccess(QStringLiteral("typed-wrong-key"), this);
        const auto wrong = runJob(bad);
        QVERIFY(!wrong);
        QCOMPARE(toString(wrong.error().kind), toString(Error::Kind::Auth));
        QCOMPARE(m_double->requests().last().headers.value("x-goog-api-key"), QByteArray("typed-wrong-key"));
        delete ok;
        delete bad;
    }

    void noKeyMeansNoRequest()
    {
        qunsetenv("GEMINI_API_KEY");
        const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/diy-test-bus"); // no keyring either
        ApiKeyStore keys(QStringLiteral("diy-studio-tests-empty"));
        GeminiImageGenerator::Options o;
        o.baseUrl = m_double->url();
        GeminiImageGenerator g(&m_network, &keys, o);
        ValueJob<GeneratedImage> *job = g.generate(pictureSpec(out()), this);
        const auto r = runJob(job);
        qputenv("GEMINI_API_KEY", "test-key");
        if (bus.isEmpty())
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        else
            qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
        QVERIFY(!r);
        QCOMPARE(toString(r.error().kind), toString(Error::Kind::Auth));
        QVERIFY2(r.error().message.contains(QStringLiteral("GEMINI_API_KEY")), qPrintable(r.error().message));
        QCOMPARE(m_double->requests().size(), 0);
        delete job;
    }
};

QTEST_GUILESS_MAIN(TestGeminiImageGenerator)
#include "tst_gemini_image_generator.moc"
