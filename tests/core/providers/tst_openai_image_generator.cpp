#include "ProviderTestSupport.h"
#include "images/OpenAiImageDouble.h"
#include "providers/ApiKeyStore.h"
#include "providers/OpenAiImageGenerator.h"
#include "providers/OpenAiImageJob.h"
#include "util/ContentHash.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QtTest>

using namespace diy;
using namespace diy::test;
using Fault = ImageApiDouble::Fault;
using json = nlohmann::json;

class TestOpenAiImageGenerator : public QObject {
    Q_OBJECT
private:
    QNetworkAccessManager m_network;
    ApiKeyStore m_keys{QStringLiteral("diy-studio-tests")};
    OpenAiImageDouble *m_double = nullptr;
    QTemporaryDir *m_dir = nullptr;

    OpenAiImageGenerator generator(const QString &model = QStringLiteral("gpt-image-1"), int attempts = 3, int timeoutMs = 30'000)
    {
        OpenAiImageGenerator::Options o;
        o.baseUrl = m_double->url(); // no path: "/v1" is added
        o.model = model;
        o.retry = fastRetry(attempts);
        o.timeoutMs = timeoutMs;
        return OpenAiImageGenerator(&m_network, &m_keys, o);
    }
    Result<GeneratedImage> draw(OpenAiImageGenerator &g, const GeneratedImageSpec &spec)
    {
        ValueJob<GeneratedImage> *job = g.generate(spec, this);
        int emissions = 0;
        auto result = runJob(job, &emissions);
        delete job;
        if (emissions != 1)
            return Error::internal(QStringLiteral("finished() emitted %1 times").arg(emissions));
        return result;
    }
    QString out() const { return m_dir->filePath(QStringLiteral("images")); }
    static QString promptText(const GeneratedImageSpec &s) { return s.prompt + QStringLiteral("\n\n") + s.style; }

private slots:
    void initTestCase() { qputenv("OPENAI_API_KEY", "test-key"); }
    void init()
    {
        m_double = new OpenAiImageDouble(this);
        QVERIFY(m_double->listen());
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
    }
    void cleanup()
    {
        delete m_double;
        delete m_dir;
    }

    void sizesFollowTheFormatAndModel_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("size");
        QTest::addColumn<double>("cost");
        QTest::newRow("gpt-image-1 vertical")
            << QStringLiteral("gpt-image-1") << int(VideoFormat::Kind::Vertical) << QStringLiteral("1024x1536") << 0.063;
        QTest::newRow("gpt-image-1 landscape")
            << QStringLiteral("gpt-image-1") << int(VideoFormat::Kind::Landscape) << QStringLiteral("1536x1024") << 0.063;
        QTest::newRow("gpt-image-1 square") << QStringLiteral("gpt-image-1") << int(VideoFormat::Kind::Square)
                                            << QStringLiteral("1024x1024") << 0.042;
        QTest::newRow("dall-e-3 vertical") << QStringLiteral("dall-e-3") << int(VideoFormat::Kind::Vertical)
                                           << QStringLiteral("1024x1792") << 0.08;
        QTest::newRow("dall-e-3 landscape") << QStringLiteral("dall-e-3") << int(VideoFormat::Kind::Landscape)
                                            << QStringLiteral("1792x1024") << 0.08;
        QTest::newRow("dall-e-2 vertical") << QStringLiteral("dall-e-2") << int(VideoFormat::Kind::Vertical)
                                           << QStringLiteral("1024x1024") << 0.02;
        QTest::newRow("gpt-image-2 (no list price)")
            << QStringLiteral("gpt-image-2") << int(VideoFormat::Kind::Vertical) << QStringLiteral("1024x1536") << 0.0;
    }
    void sizesFollowTheFormatAndModel()
    {
        QFETCH(QString, model);
        QFETCH(int, format);
        QFETCH(QString, size);
        QFETCH(double, cost);
        OpenAiImageGenerator g = generator(model);
        const GeneratedImageSpec spec = pictureSpec(out(), VideoFormat::Kind(format));
        const auto r = draw(g, spec);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(r->provider, QStringLiteral("openai"));
        QCOMPARE(r->model, model);
        QCOMPARE(r->costUsd, cost);
        QCOMPARE(QFileInfo(r->path).fileName(), r->sha256 + QStringLiteral(".png"));
        QCOMPARE(ContentHash::ofFile(r->path), r->sha256);
        const QSize expected(size.section(QLatin1Char('x'), 0, 0).toInt() / 16, size.section(QLatin1Char('x'), 1, 1).toInt() / 16);
        QCOMPARE(QImage(r->path).size(), expected);
        QCOMPARE(centreColour(r->path), ImageApiDouble::colorFor(promptText(spec)));
        QCOMPARE(filesIn(out()).size(), 1);

        const auto req = m_double->requests().first();
        QCOMPARE(req.method, QByteArray("POST"));
        QCOMPARE(req.path, QStringLiteral("/v1/images/generations"));
        QCOMPARE(req.headers.value("authorization"), QByteArray("Bearer test-key"));
        QCOMPARE(req.json["size"], size.toStdString());
        QCOMPARE(req.json["n"], 1);
        QCOMPARE(req.json["prompt"], promptText(spec).toStdString()); // the shared style in every prompt
        const bool gpt = model.startsWith(QLatin1String("gpt-image"));
        QCOMPARE(req.json.contains("response_format"), !gpt);
        if (!gpt)
            QCOMPARE(req.json["response_format"], "b64_json");
        QCOMPARE(m_double->picturesServed(), 1);
        if (model == QLatin1String("dall-e-3"))
            QVERIFY(r->revisedPrompt.startsWith(QStringLiteral("A detailed illustration")));
    }

    void baseUrlFollowsTheSdkConvention_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("expected");
        QTest::newRow("openai") << QStringLiteral("https://api.openai.com/v1")
                                << QStringLiteral("https://api.openai.com/v1/images/generations");
        QTest::newRow("trailing slash") << QStringLiteral("http://localhost:8080/v1/")
                                        << QStringLiteral("http://localhost:8080/v1/images/generations");
        QTest::newRow("bare host") << QStringLiteral("http://localhost:8080")
                                   << QStringLiteral("http://localhost:8080/v1/images/generations");
        QTest::newRow("proxy path") << QStringLiteral("https://proxy.example/openai/v1")
                                    << QStringLiteral("https://proxy.example/openai/v1/images/generations");
    }
    void baseUrlFollowsTheSdkConvention()
    {
        QFETCH(QString, base);
        QFETCH(QString, expected);
        QCOMPARE(OpenAiImageJob::endpoint(QUrl(base), QStringLiteral("images/generations")).toString(), expected);
    }

    void linkAnswersAreDownloaded()
    {
        m_double->setAnswerWithLinks(true);
        OpenAiImageGenerator g = generator(QStringLiteral("dall-e-3"));
        const GeneratedImageSpec spec = pictureSpec(out());
        const auto r = draw(g, spec);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(centreColour(r->path), ImageApiDouble::colorFor(promptText(spec)));
        const auto reqs = m_double->requests();
        QCOMPARE(reqs.size(), 2);
        QVERIFY(reqs[1].path.startsWith(QStringLiteral("/files/")));
        QVERIFY(!reqs[1].headers.contains("authorization")); // the key goes to the API only
    }

    void rateLimitHonoursRetryAfter()
    {
        m_double->injectFault({Fault::Kind::RateLimited, 0, QStringLiteral("1"), {}});
        OpenAiImageGenerator g = generator();
        const auto r = draw(g, pictureSpec(out()));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        const auto reqs = m_double->requests();
        QCOMPARE(reqs.size(), 2);
        QCOMPARE(reqs[0].status, 429);
        QVERIFY2(reqs[1].receivedMs - reqs[0].receivedMs >= 950,
                 qPrintable(QString::number(reqs[1].receivedMs - reqs[0].receivedMs)));
    }

    void rateLimitThatLastsIsRateLimited()
    {
        m_double->injectFault({Fault::Kind::RateLimited, 0, {}, {}}, 10);
        OpenAiImageGenerator g = generator(QStringLiteral("gpt-image-1"), 2);
        const auto r = draw(g, pictureSpec(out()));
        QVERIFY(!r);
        QCOMPARE(toString(r.error().kind), toString(Error::Kind::RateLimited));
        QVERIFY(r.error().retryable);
        QCOMPARE(m_double->pictureRequests(), 2);
    }

    void overloadWaitsAndRetries()
    {
        m_double->injectFault({Fault::Kind::Unavailable, 0, {}, {}});
        m_double->injectFault({Fault::Kind::InternalError, 0, {}, {}});
        OpenAiImageGenerator g = generator(QStringLiteral("gpt-image-1"), 3);
        const auto r = draw(g, pictureSpec(out()));
        QVERIFY(!r); // 500 is final: not retried
        QCOMPARE(toString(r.error().kind), toString(Error::Kind::Server));
        QCOMPARE(m_double->pictureRequests(), 2);
        QCOMPARE(m_double->requests()[0].status, 503);
        QCOMPARE(m_double->requests()[1].status, 500);
    }

    void contentPolicyIsBlocked_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::newRow("dall-e") << QStringLiteral("content_policy_violation");
        QTest::newRow("gpt-image") << QStringLiteral("moderation_blocked");
    }
    void contentPolicyIsBlocked()
    {
        QFETCH(QString, reason);
        m_double->injectFault({Fault::Kind::Blocked, 0, {}, reason});
        OpenAiImageGenerator g = generator();
        const auto r = draw(g, pictureSpec(out()));
        QVERIFY(!r);
        QCOMPARE(toString(r.error().kind), toString(Error::Kind::Blocked));
        for (const QString &part : {reason, QStringLiteral("Edit the prompt"), QStringLiteral("card"), QStringLiteral("photo"),
                                    QStringLiteral("Step 2")})
            QVERIFY2(r.error().message.contains(part), qPrintable(r.error().message));
        QCOMPARE(m_double->pictureRequests(), 1);
        QVERIFY(filesIn(out()).isEmpty());
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
        OpenAiImageGenerator g = generator();
        const auto r = draw(g, pictureSpec(out()));
        QVERIFY(!r);
        QCOMPARE(toString(r.error().kind), toString(Error::Kind::Server));
        QVERIFY(filesIn(out()).isEmpty());
    }

    void droppedAndSlowAnswersAreRetried()
    {
        m_double->injectFault({Fault::Kind::DropConnection, 0, {}, {}});
        m_double->injectFault({Fault::Kind::Latency, 3000, {}, {}});
        OpenAiImageGenerator g = generator(QStringLiteral("gpt-image-1"), 4, 400);
        const auto r = draw(g, pictureSpec(out()));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(m_double->picturesServed(), 1);
        QVERIFY(m_double->received() >= 3);
    }

    void badRequestsAreClearErrors()
    {
        // The double is as strict as the API: a model it does not know is 404 model_not_found.
        OpenAiImageGenerator g = generator(QStringLiteral("dall-e-9"));
        const auto r = draw(g, pictureSpec(out()));
        QVERIFY(!r);
        QCOMPARE(toString(r.error().kind), toString(Error::Kind::NotFound));
        QVERIFY(r.error().message.contains(QStringLiteral("dall-e-9")));

        m_double->setApiKey(QStringLiteral("sk-other"));
        OpenAiImageGenerator g2 = generator();
        const auto wrong = draw(g2, pictureSpec(out()));
        QVERIFY(!wrong);
        QCOMPARE(toString(wrong.error().kind), toString(Error::Kind::Auth));
        QVERIFY(wrong.error().message.contains(QStringLiteral("OPENAI_API_KEY")));
        QVERIFY(!wrong.error().message.contains(QStringLiteral("test-key")));
    }

    void testAccessListsModels()
    {
        OpenAiImageGenerator g = generator();
        ValueJob<QString> *job = g.testAccess(QString(), this);
        const auto r = runJob(job);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QVERIFY(r->contains(QStringLiteral("gpt-image-1")));
        QCOMPARE(m_double->requests().last().path, QStringLiteral("/v1/models"));
        QCOMPARE(m_double->picturesServed(), 0);
        delete job;
    }

    void cancelWhileWaiting()
    {
        m_double->injectFault({Fault::Kind::Latency, 5000, {}, {}});
        OpenAiImageGenerator g = generator();
        ValueJob<GeneratedImage> *job = g.generate(pictureSpec(out()), this);
        int emissions = 0;
        connect(job, &Job::finished, this, [&emissions] { ++emissions; });
        job->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_double->received(), 1, 20'000);
        job->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(emissions, 1, 10'000);
        QVERIFY(job->result().error().isCancelled());
        QTRY_COMPARE_WITH_TIMEOUT(m_double->requests().size(), 1, 20'000);
        QCOMPARE(m_double->picturesServed(), 0);
        QCOMPARE(emissions, 1);
        delete job;
    }
};

QTEST_GUILESS_MAIN(TestOpenAiImageGenerator)
#include "tst_openai_image_generator.moc"
