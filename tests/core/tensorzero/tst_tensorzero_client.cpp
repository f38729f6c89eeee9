#include "TzTestSupport.h"

#include "tensorzero/FeedbackJob.h"
#include "tensorzero/HealthJob.h"
#include "tensorzero/InferenceJob.h"
#include "tensorzero/StatusJob.h"

#include <QBuffer>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QUuid>

using namespace diy;
using namespace diy::test;
using json = nlohmann::json;

class TestTensorZeroClient : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<GatewayDouble> m_gateway;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TensorZeroClient> m_client;

    InferenceRequest scriptRequest(const Episode &episode = Episode(QStringLiteral("proj-1")))
    {
        InferenceRequest r;
        r.functionName = QStringLiteral("script_generator");
        r.episode = episode;
        r.userArguments = scriptArguments();
        r.stage = QStringLiteral("script");
        return r;
    }
    // No answer, or more than one finished(), is a test failure recorded by runGatewayJob(); the caller
    // QVERIFYs the optional and never gets a made-up result.
    std::optional<GatewayOutcome<InferenceResponse>> infer(const InferenceRequest &r, const char *file = __builtin_FILE(),
                                                           int line = __builtin_LINE())
    {
        return runGatewayJob(m_client->infer(r), file, line);
    }
    std::optional<GatewayOutcome<QString>> feedback(const FeedbackRequest &r, const char *file = __builtin_FILE(),
                                                    int line = __builtin_LINE())
    {
        return runGatewayJob(m_client->feedback(r), file, line);
    }
    bool feedbackAccepted(const FeedbackRequest &r)
    {
        const auto answer = feedback(r);
        return answer && answer->result.ok();
    }
    static QByteArray encodedImage(const char *format)
    {
        QImage image(8, 8, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, format);
        return bytes;
    }
    static json fixture(const QString &function)
    {
        QFile f(sourcePath(QStringLiteral("tests/data/tensorzero/%1/output.json").arg(function)));
        f.open(QIODevice::ReadOnly);
        return json::parse(f.readAll().toStdString());
    }

private slots:
    void init()
    {
        m_gateway = std::make_unique<GatewayDouble>();
        QVERIFY2(m_gateway->configError().isEmpty(), qPrintable(m_gateway->configError()));
        QVERIFY(m_gateway->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<TensorZeroClient>(m_network.get(), fastOptions(m_gateway->url()));
    }
    void cleanup()
    {
        m_client.reset();
        m_network.reset();
        m_gateway.reset();
    }

    void firstCallOpensEpisodeLaterCallsReuseIt()
    {
        Episode episode(QStringLiteral("proj-1"));
        const auto firstAnswer = infer(scriptRequest(episode));
        QVERIFY(firstAnswer);
        const auto &first = firstAnswer->result;
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
        // The answer follows the request: as many steps as asked for, numbered 1…N.
        QCOMPARE(first->parsed["title"], fixture(QStringLiteral("script_generator"))["title"]);
        QCOMPARE(first->parsed["steps"].size(), std::size_t(scriptArguments()["expected_steps"].get<int>()));
        for (std::size_t i = 0; i < first->parsed["steps"].size(); ++i)
            QCOMPARE(first->parsed["steps"][i]["step_number"], json(int(i) + 1));
        QVERIFY(GatewayDouble::checkUuidV7(first->episodeId).isEmpty());
        QCOMPARE(episode.id(), first->episodeId);
        QCOMPARE(first->gatewayVersion, QStringLiteral("2026.1.0-double"));

        InferenceRequest enhance;
        enhance.functionName = QStringLiteral("prompt_enhancer");
        enhance.episode = episode;
        enhance.userArguments = promptArguments();
        enhance.stage = QStringLiteral("prompts");
        const auto secondAnswer = infer(enhance);
        QVERIFY(secondAnswer);
        const auto &second = secondAnswer->result;
        QVERIFY(second.ok());
        QCOMPARE(second->episodeId, first->episodeId);

        const auto sent = m_gateway->requests(QStringLiteral("/inference"));
        QCOMPARE(sent.size(), 2);
        QVERIFY(!sent[0].json.contains("episode_id"));
        QCOMPARE(QString::fromStdString(sent[1].json["episode_id"].get<std::string>()), first->episodeId);
        // Template arguments only, in the current block form.
        const json block = sent[0].json["input"]["messages"][0]["content"][0];
        QCOMPARE(block, json({{"type", "text"}, {"arguments", scriptArguments()}}));
        QCOMPARE(sent[0].json["tags"], json({{"project", "proj-1"}, {"stage", "script"}}));

        const auto records = m_client->records();
        QCOMPARE(records.size(), 2);
        QCOMPARE(records[0].inferenceId, first->inferenceId);
        QCOMPARE(records[0].variantName, first->variantName);
        QCOMPARE(records[1].functionName, QStringLiteral("prompt_enhancer"));
        QVERIFY(records[0].inputTokens > 0 && records[0].outputTokens > 0);
        // Our config has cost tables on every provider: the gateway's usage.cost is recorded as given.
        QVERIFY(m_gateway->requests(QStringLiteral("/inference")).size() == 2);
        QVERIFY(records[0].costUsd.has_value() && *records[0].costUsd > 0.0);
        QCOMPARE(InferenceRecord::fromJson(records[0].toJson())->inferenceId, records[0].inferenceId);
    }

    void variantPinningParamsAndCache()
    {
        InferenceRequest r = scriptRequest();
        r.variantName = QStringLiteral("structured_fast");
        r.temperature = 0.3;
        r.maxTokens = 2000;
        r.cache = InferenceRequest::Cache::ReadOnly;
        r.cacheMaxAgeS = 3600;
        r.tags.insert(QStringLiteral("ui"), QStringLiteral("studio"));
        const auto resultAnswer = infer(r);
        QVERIFY(resultAnswer);
        const auto &result = resultAnswer->result;
        QVERIFY(result.ok());
        QCOMPARE(result->variantName, QStringLiteral("structured_fast"));
        const json body = m_gateway->requests(QStringLiteral("/inference")).first().json;
        QCOMPARE(body["variant_name"], json("structured_fast"));
        QCOMPARE(body["params"], json({{"chat_completion", {{"temperature", 0.3}, {"max_tokens", 2000}}}}));
        QCOMPARE(body["cache_options"], json({{"enabled", "read_only"}, {"max_age_s", 3600}}));
        QCOMPARE(body["tags"]["ui"], json("studio"));
    }

    void samplingFollowsConfiguredWeights()
    {
        // Episode ids from a fixed seed: the same 400 ids every run, so the count is a fact about
        // the sampler, not a statistical band that fails one run in a thousand.
        QRandomGenerator seeded(20260101);
        const qint64 baseMs = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        int creative = 0;
        const int n = 400;
        for (int i = 0; i < n; ++i) {
            QByteArray bytes(16, 0);
            const quint64 ms = quint64(baseMs + i);
            for (int b = 0; b < 6; ++b)
                bytes[b] = char((ms >> (8 * (5 - b))) & 0xff);
            for (int b = 6; b < 16; ++b)
                bytes[b] = char(seeded.bounded(256));
            bytes[6] = char(0x70 | (bytes[6] & 0x0f));
            bytes[8] = char(0x80 | (bytes[8] & 0x3f));
            const QString episode = QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
            QVERIFY(GatewayDouble::checkUuidV7(episode).isEmpty());
            const QString v = m_gateway->sampleVariant(QStringLiteral("script_generator"), episode);
            QCOMPARE(m_gateway->sampleVariant(QStringLiteral("script_generator"), episode), v); // deterministic
            QVERIFY(v == QStringLiteral("creative") || v == QStringLiteral("structured_fast"));
            creative += v == QStringLiteral("creative");
        }
        // creative has weight 0.7: with these fixed ids the sampler gives a count close to 280
        // (binomial sd ~9); the band is wide only to survive a change of hash, not of luck.
        QVERIFY2(creative > n * 0.6 && creative < n * 0.8, qPrintable(QString::number(creative)));
    }

    void dryrunIsNotStored()
    {
        InferenceRequest r = scriptRequest();
        r.dryrun = true;
        const auto resultAnswer = infer(r);
        QVERIFY(resultAnswer);
        const auto &result = resultAnswer->result;
        QVERIFY(result.ok());
        QCOMPARE(m_gateway->requests(QStringLiteral("/inference")).first().json["dryrun"], json(true));
        QVERIFY(m_client->records().first().dryrun);
        const auto fbAnswer = feedback(FeedbackRequest::number(QStringLiteral("video_quality_score"), 7,
                                                               FeedbackRequest::Target::Inference, result->inferenceId));
        QVERIFY(fbAnswer);
        const auto &fb = fbAnswer->result;
        QVERIFY(!fb.ok());
        QCOMPARE(int(fbAnswer->gatewayError->code), int(TensorZeroError::Code::BadRequest));
    }

    void evaluatorSendsKeyframesAsFileBlocks()
    {
        InferenceRequest r;
        r.functionName = QStringLiteral("video_evaluator");
        r.userArguments = {{"description", "paper airplanes that fly far"},
                           {"content_mode", "kid"},
                           {"target_duration_seconds", 180},
                           {"script", fixture(QStringLiteral("script_generator"))},
                           {"technical_report", {{"duration_ok", true}}},
                           {"keyframe_count", 2}};
        r.images = {ImageInput{"image/png", encodedImage("PNG")}, ImageInput{"image/jpeg", encodedImage("JPG")}};
        const auto resultAnswer = infer(r);
        QVERIFY(resultAnswer);
        const auto &result = resultAnswer->result;
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result->parsed["rating_label"], json("FAIR"));
        const json content = m_gateway->requests(QStringLiteral("/inference")).first().json["input"]["messages"][0]["content"];
        QCOMPARE(content.size(), std::size_t(3));
        QCOMPARE(content[1], json({{"type", "file"},
                                   {"file_type", "base64"},
                                   {"mime_type", "image/png"},
                                   {"data", encodedImage("PNG").toBase64().toStdString()}}));
    }

    void invalidArgumentsAreBadRequestWithoutRetry()
    {
        InferenceRequest r = scriptRequest();
        r.userArguments["expected_steps"] = 12;
        const auto resultAnswer = infer(r);
        QVERIFY(resultAnswer);
        const auto &result = resultAnswer->result;
        QVERIFY(!result.ok());
        QCOMPARE(int(resultAnswer->gatewayError->code), int(TensorZeroError::Code::BadRequest));
        QCOMPARE(resultAnswer->gatewayError->httpStatus, 400);
        QVERIFY(resultAnswer->gatewayError->gatewayMessage.contains(QStringLiteral("expected_steps")));
        QVERIFY(!result.error().retryable);
        QCOMPARE(m_gateway->requests().size(), 1);
    }

    void unknownFunctionOrVariantIsNotFound_data()
    {
        QTest::addColumn<QString>("function");
        QTest::addColumn<QString>("variant");
        QTest::newRow("function") << QStringLiteral("no_such_function") << QString();
        QTest::newRow("variant") << QStringLiteral("script_generator") << QStringLiteral("no_such_variant");
    }
    void unknownFunctionOrVariantIsNotFound()
    {
        QFETCH(QString, function);
        QFETCH(QString, variant);
        InferenceRequest r = scriptRequest();
        r.functionName = function;
        r.variantName = variant;
        const auto resultAnswer = infer(r);
        QVERIFY(resultAnswer);
        const auto &result = resultAnswer->result;
        QVERIFY(!result.ok());
        QCOMPARE(int(resultAnswer->gatewayError->code), int(TensorZeroError::Code::NotFound));
        QCOMPARE(m_gateway->requests().size(), 1);
    }

    void parsedNullIsRetriedThenTypedFailureWithRawText()
    {
        m_gateway->injectFault(QStringLiteral("/inference"), {GatewayDouble::Fault::Kind::ParsedNull}, 2);
        Episode episode;
        const auto resultAnswer = infer(scriptRequest(episode));
        QVERIFY(resultAnswer);
        const auto &result = resultAnswer->result;
        QVERIFY(!result.ok());
        QCOMPARE(int(resultAnswer->gatewayError->code), int(TensorZeroError::Code::ParsedNull));
        QVERIFY(!resultAnswer->gatewayError->rawOutput.isEmpty());
        const auto sent = m_gateway->requests(QStringLiteral("/inference"));
        QCOMPARE(sent.size(), 2);
        // The retry stays in the episode the gateway opened.
        QCOMPARE(QString::fromStdString(sent[1].json["episode_id"].get<std::string>()), episode.id());
        QCOMPARE(m_client->records().size(), 2);
        QVERIFY(!m_client->records()[0].outputValid);
    }

    void parsedNullOnceThenSuccess()
    {
        m_gateway->injectFault(QStringLiteral("/inference"), {GatewayDouble::Fault::Kind::ParsedNull}, 1);
        const auto resultAnswer = infer(scriptRequest());
        QVERIFY(resultAnswer);
        const auto &result = resultAnswer->result;
        QVERIFY(result.ok());
        QCOMPARE(result->attempts, 2);
    }

    void rateLimitHonoursRetryAfter()
    {
        m_gateway->injectFault(QStringLiteral("/inference"), {GatewayDouble::Fault::Kind::RateLimited, 0, "1"}, 1);
        QElapsedTimer clock;
        clock.start();
        const auto resultAnswer = infer(scriptRequest());
        QVERIFY(resultAnswer);
        const auto &result = resultAnswer->result;
        QVERIFY(result.ok());
        QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(m_gateway->requests(QStringLiteral("/inference")).size(), 2);
    }

    void rateLimitTooLongRetryAfterFails()
    {
        m_gateway->injectFault(QStringLiteral("/inference"), {GatewayDouble::Fault::Kind::RateLimited, 0, "3600"}, 1);
        const auto resultAnswer = infer(scriptRequest());
        QVERIFY(resultAnswer);
        const auto &result = resultAnswer->result;
        QVERIFY(!result.ok());
        QCOMPARE(int(resultAnswer->gatewayError->code), int(TensorZeroError::Code::RateLimited));
        QCOMPARE(m_gateway->requests().size(), 1);
    }

    void transientFailuresAreRetried_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("502") << int(GatewayDouble::Fault::Kind::BadGateway);
        QTest::newRow("503") << int(GatewayDouble::Fault::Kind::Unavailable);
        QTest::newRow("dropped") << int(GatewayDouble::Fault::Kind::DropConnection);
    }
    void transientFailuresAreRetried()
    {
        QFETCH(int, kind);
        m_gateway->injectFault(QStringLiteral("/inference"), {GatewayDouble::Fault::Kind(kind)}, 2);
        const auto resultAnswer = infer(scriptRequest());
        QVERIFY(resultAnswer);
        const auto &result = resultAnswer->result;
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(m_gateway->requests(QStringLiteral("/inference")).size(), 3);
    }

    void exhaustedRetriesGiveTypedErrors_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("code");
        QTest::newRow("502") << int(GatewayDouble::Fault::Kind::BadGateway) << int(TensorZeroError::Code::AllVariantsFailed);
        QTest::newRow("503") << int(GatewayDouble::Fault::Kind::Unavailable) << int(TensorZeroError::Code::Unavailable);
        QTest::newRow("dropped") << int(GatewayDouble::Fault::Kind::DropConnection) << int(TensorZeroError::Code::Network);
        QTest::newRow("429") << int(GatewayDouble::Fault::Kind::RateLimited) << int(TensorZeroError::Code::RateLimited);
    }
    void exhaustedRetriesGiveTypedErrors()
    {
        QFETCH(int, kind);
        QFETCH(int, code);
        // Qt's network stack may itself resend once on a dropped connection, so inject plenty.
        m_gateway->injectFault(QStringLiteral("/inference"), {GatewayDouble::Fault::Kind(kind)}, 10);
        const auto resultAnswer = infer(scriptRequest());
        QVERIFY(resultAnswer);
        const auto &result = resultAnswer->result;
        QVERIFY(!result.ok());
        QCOMPARE(int(resultAnswer->gatewayError->code), code);
        QVERIFY(result.error().retryable);
        QVERIFY(m_gateway->requests(QStringLiteral("/inference")).size() >= 3);
    }

    void internalErrorIsTyped()
    {
        m_gateway->injectFault(QStringLiteral("/inference"), {GatewayDouble::Fault::Kind::InternalError}, 1);
        const auto resultAnswer = infer(scriptRequest());
        QVERIFY(resultAnswer);
        const auto &result = resultAnswer->result;
        QVERIFY(!result.ok());
        QCOMPARE(int(resultAnswer->gatewayError->code), int(TensorZeroError::Code::InternalError));
        QCOMPARE(m_gateway->requests().size(), 1); // 500 is not retried
    }

    void malformedBodyIsTyped()
    {
        m_gateway->injectFault(QStringLiteral("/inference"), {GatewayDouble::Fault::Kind::MalformedBody}, 1);
        const auto resultAnswer = infer(scriptRequest());
        QVERIFY(resultAnswer);
        const auto &result = resultAnswer->result;
        QVERIFY(!result.ok());
        QCOMPARE(int(resultAnswer->gatewayError->code), int(TensorZeroError::Code::MalformedResponse));
    }

    void timeoutIsTyped()
    {
        auto options = fastOptions(m_gateway->url());
        options.inferenceTimeoutMs = 150;
        options.retry.maxAttempts = 2;
        m_client->setOptions(options);
        m_gateway->injectFault(QStringLiteral("/inference"), {GatewayDouble::Fault::Kind::Latency, 1000}, 2);
        const auto resultAnswer = infer(scriptRequest());
        QVERIFY(resultAnswer);
        const auto &result = resultAnswer->result;
        QVERIFY(!result.ok());
        QCOMPARE(int(resultAnswer->gatewayError->code), int(TensorZeroError::Code::Timeout));
        QTRY_COMPARE(m_gateway->requests(QStringLiteral("/inference")).size(), 2);
    }

    void feedbackKinds()
    {
        Episode episode;
        const auto inferenceAnswer = infer(scriptRequest(episode));
        QVERIFY(inferenceAnswer);
        const auto &inference = inferenceAnswer->result;
        QVERIFY(inference.ok());
        QVERIFY(feedbackAccepted(FeedbackRequest::number(QStringLiteral("video_quality_score"), 8.5,
                                                         FeedbackRequest::Target::Inference, inference->inferenceId)));
        QVERIFY(feedbackAccepted(
            FeedbackRequest::boolean(QStringLiteral("user_satisfaction"), true, FeedbackRequest::Target::Episode, episode.id())));
        QVERIFY(
            feedbackAccepted(FeedbackRequest::comment(QStringLiteral("Great!"), FeedbackRequest::Target::Episode, episode.id())));
        QVERIFY(feedbackAccepted(FeedbackRequest::number(QStringLiteral("video_generation_cost"), 0.12,
                                                         FeedbackRequest::Target::Episode, episode.id())));
        const auto accepted = m_gateway->acceptedFeedback();
        QCOMPARE(accepted.size(), 4);
        QCOMPARE(accepted[0].value, json(8.5));
        QCOMPARE(accepted[1].value, json(true));
        QCOMPARE(accepted[2].value, json("Great!"));
    }

    void feedbackRejections_data()
    {
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("valueJson");
        QTest::addColumn<bool>("onInference");
        QTest::addColumn<bool>("unknownId");
        QTest::addColumn<int>("code");
        const int bad = int(TensorZeroError::Code::BadRequest);
        QTest::newRow("unknown metric") << "no_such_metric"
                                        << "true" << false << false << int(TensorZeroError::Code::NotFound);
        QTest::newRow("level mismatch") << "user_satisfaction"
                                        << "true" << true << false << bad;
        QTest::newRow("boolean gets number") << "user_satisfaction"
                                             << "1" << false << false << bad;
        QTest::newRow("float gets bool") << "video_generation_time"
                                         << "true" << false << false << bad;
        QTest::newRow("unknown episode") << "user_satisfaction"
                                         << "true" << false << true << bad;
        QTest::newRow("comment gets number") << "comment"
                                             << "3" << false << false << bad;
    }
    void feedbackRejections()
    {
        QFETCH(QString, metric);
        QFETCH(QString, valueJson);
        QFETCH(bool, onInference);
        QFETCH(bool, unknownId);
        QFETCH(int, code);
        Episode episode;
        const auto inferenceAnswer = infer(scriptRequest(episode));
        QVERIFY(inferenceAnswer);
        const auto &inference = inferenceAnswer->result;
        QVERIFY(inference.ok());
        FeedbackRequest r;
        r.metricName = metric;
        r.value = json::parse(valueJson.toStdString());
        r.target = onInference ? FeedbackRequest::Target::Inference : FeedbackRequest::Target::Episode;
        r.targetId = unknownId ? GatewayDouble::newUuidV7() : onInference ? inference->inferenceId : episode.id();
        const auto resultAnswer = feedback(r);
        QVERIFY(resultAnswer);
        const auto &result = resultAnswer->result;
        QVERIFY(!result.ok());
        QCOMPARE(int(resultAnswer->gatewayError->code), code);
        QVERIFY(!result.error().retryable);
        QCOMPARE(m_gateway->requests(QStringLiteral("/feedback")).size(), 1);
    }

    void statusAndHealth()
    {
        const auto status = runGatewayJob(m_client->status());
        QVERIFY(status && status->result.ok());
        QCOMPARE(status->result->status, QStringLiteral("ok"));
        QCOMPARE(status->result->version, QStringLiteral("2026.1.0-double"));
        auto health = runGatewayJob(m_client->health());
        QVERIFY(health && health->result.ok());
        QVERIFY(health->result->healthy);
        m_gateway->setBackendHealthy(QStringLiteral("clickhouse"), false);
        health = runGatewayJob(m_client->health());
        QVERIFY(health && health->result.ok());
        QVERIFY(!health->result->healthy);
        QCOMPARE(health->result->httpStatus, 503);
        QCOMPARE(health->result->backends.value(QStringLiteral("clickhouse")), QStringLiteral("error"));
        QCOMPARE(m_gateway->requests(QStringLiteral("/health")).size(), 2); // no retry on 503 for health
    }

    void unreachableGatewayIsNetworkError()
    {
        const QUrl url = m_gateway->url();
        m_gateway.reset(); // port closed
        auto options = fastOptions(url);
        options.retry.maxAttempts = 2;
        m_client->setOptions(options);
        const auto status = runGatewayJob(m_client->status());
        QVERIFY(status && !status->result.ok());
        QCOMPARE(int(status->gatewayError->code), int(TensorZeroError::Code::Network));
        QCOMPARE(int(status->result.error().kind), int(Error::Kind::Network));
    }
};

QTEST_GUILESS_MAIN(TestTensorZeroClient)
#include "tst_tensorzero_client.moc"
