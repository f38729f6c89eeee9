#include "AiTestSupport.h"

#include "ai/AiFunctions.h"
#include "ai/ScriptWriter.h"
#include "model/PriceTable.h"

using namespace diy;
using namespace diy::test;
using json = nlohmann::json;

/// ScriptWriter against the strict gateway double: arguments, validation, the one fallback retry,
/// and the record (ids, variant, tokens, cost, latency) kept with the script.
class TestScriptWriter : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<GatewayDouble> m_gateway;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TensorZeroClient> m_client;

    void startGateway(const QString &config = {})
    {
        m_gateway = config.isEmpty()
                        ? std::make_unique<GatewayDouble>()
                        : std::make_unique<GatewayDouble>(config, sourcePath(QStringLiteral("tests/data/tensorzero")));
        QVERIFY(m_gateway->configError().isEmpty());
        QVERIFY(m_gateway->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<TensorZeroClient>(m_network.get(), fastOptions(m_gateway->url()));
    }

    QList<json> inferenceBodies() const
    {
        QList<json> out;
        for (const auto &r : m_gateway->requests(QStringLiteral("/inference")))
            out.append(r.json);
        return out;
    }

private slots:
    void init() { startGateway(); }
    void cleanup()
    {
        m_client.reset();
        m_network.reset();
        m_gateway.reset();
    }

    void writesAValidatedScriptWithItsOrigin()
    {
        ScriptWriter writer(m_client.get(), testBrief(), Episode(QStringLiteral("project-1")), {});
        QCOMPARE(runToEnd(&writer), 1);
        const auto draft = writer.result();
        QVERIFY2(draft.ok(), qPrintable(draft.ok() ? QString() : draft.error().toString()));
        QCOMPARE(draft->script, fixtureScript());
        QVERIFY(!draft->usedFallback);

        const auto bodies = inferenceBodies();
        QCOMPARE(bodies.size(), 1);
        const json &body = bodies.first();
        QCOMPARE(body["function_name"], json("script_generator"));
        QVERIFY(!body.contains("variant_name")); // the gateway samples the A/B arm
        QVERIFY(!body.contains("episode_id"));   // the first call of a run opens the episode
        const json args = body["input"]["messages"][0]["content"][0]["arguments"];
        QCOMPARE(args, ScriptWriter::userArguments(testBrief()));
        QCOMPARE(args["language"], json("English"));
        QCOMPARE(args["expected_steps"], json(3));
        QCOMPARE(body["tags"]["stage"], json("script"));

        const InferenceRecord &origin = draft->origin;
        QVERIFY(!origin.inferenceId.isEmpty());
        QVERIFY(m_gateway->inferenceIds().contains(origin.inferenceId));
        QCOMPARE(origin.episodeId, draft->episodeId);
        QVERIFY(QStringList({QStringLiteral("creative"), QStringLiteral("structured_fast")}).contains(origin.variantName));
        QVERIFY(origin.inputTokens > 0 && origin.outputTokens > 0);
        QVERIFY(origin.durationMs >= 0);
        QVERIFY(origin.finishedAt.isValid());
        // The gateway priced it (every provider in our config has a cost table): its usage.cost is kept.
        QCOMPARE(origin.costSource, QStringLiteral("gateway"));
        QVERIFY(origin.costUsd.has_value());
        QCOMPARE(m_client->records().size(), 1);
        QCOMPARE(origin.costUsd, m_client->records().first().costUsd);
        QCOMPARE(origin.model, PriceTable::bundled().modelForVariant(QStringLiteral("script_generator"), origin.variantName));
        QCOMPARE(writer.spent().size(), 1);
        QCOMPARE(writer.spent().first(), origin);
    }

    void costFromThePriceTableWhenTheGatewayHasNone()
    {
        QTemporaryDir dir;
        startGateway(configWithoutCosts(dir));
        ScriptWriter writer(m_client.get(), testBrief(), Episode(), {});
        QCOMPARE(runToEnd(&writer), 1);
        const auto draft = writer.result();
        QVERIFY(draft.ok());
        const InferenceRecord &origin = draft->origin;
        QCOMPARE(origin.costSource, QStringLiteral("price_table"));
        // Hand-computed from config/prices.json: creative → Claude Sonnet 4 ($3 in / $15 out per
        // million), structured_fast → GPT-4o mini ($0.15 / $0.60).
        const double in = origin.variantName == QStringLiteral("creative") ? 3.0 : 0.15;
        const double out = origin.variantName == QStringLiteral("creative") ? 15.0 : 0.60;
        QCOMPARE(qRound64(*origin.costUsd * 1e9), qRound64((origin.inputTokens * in + origin.outputTokens * out) / 1e6 * 1e9));
    }

    void fallbackRetry_data()
    {
        QTest::addColumn<int>("fault");
        QTest::newRow("parsed null") << int(GatewayDouble::Fault::Kind::ParsedNull);
        QTest::newRow("502 all variants failed") << int(GatewayDouble::Fault::Kind::BadGateway);
    }
    void fallbackRetry()
    {
        QFETCH(int, fault);
        GatewayDouble::Fault f;
        f.kind = GatewayDouble::Fault::Kind(fault);
        m_gateway->injectFault(QStringLiteral("/inference"), f, 1);
        ScriptWriter writer(m_client.get(), testBrief(), Episode(), {});
        QCOMPARE(runToEnd(&writer), 1);
        const auto draft = writer.result();
        QVERIFY2(draft.ok(), qPrintable(draft.ok() ? QString() : draft.error().toString()));
        QVERIFY(draft->usedFallback);
        QVERIFY(!draft->firstFailure.isEmpty());

        // Exactly one retry (the client's own retries are off for the first attempt), pinned to
        // the config's fallback variant.
        const auto bodies = inferenceBodies();
        QCOMPARE(bodies.size(), 2);
        QVERIFY(!bodies[0].contains("variant_name"));
        QCOMPARE(bodies[1]["variant_name"], json(AiFunctions::scriptFallbackVariant().toStdString()));
        QCOMPARE(draft->origin.variantName, AiFunctions::scriptFallbackVariant());
        if (f.kind == GatewayDouble::Fault::Kind::ParsedNull) {
            // The invalid answer opened the episode and was paid for: same episode, both in spent().
            QCOMPARE(bodies[1]["episode_id"], json(draft->episodeId.toStdString()));
            QCOMPARE(writer.spent().size(), 2);
            QVERIFY(!writer.spent().first().outputValid);
            QVERIFY(writer.spent().first().costUsd.has_value());
            QVERIFY(writer.spent().last().outputValid);
        } else {
            QCOMPARE(writer.spent().size(), 1);
        }
    }

    void answerThatFailsOurChecksRetriesOnTheFallback()
    {
        // The gateway's schema check passes (step numbers 1–8 are allowed) but the studio's own
        // validation does not (steps must run 1, 2, 3): the pinned variant answers that verbatim,
        // the fallback answers the good fixture.
        QTemporaryDir fixtures;
        QVERIFY(QDir(fixtures.path()).mkpath(QStringLiteral("script_generator")));
        json shuffled = readFixture(QStringLiteral("script_generator"));
        shuffled["steps"][1]["step_number"] = 3;
        shuffled["steps"][2]["step_number"] = 2;
        QFile bad(fixtures.filePath(QStringLiteral("script_generator/creative.verbatim.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(QByteArray::fromStdString(shuffled.dump()));
        bad.close();
        QVERIFY(QFile::copy(sourcePath(QStringLiteral("tests/data/tensorzero/script_generator/output.json")),
                            fixtures.filePath(QStringLiteral("script_generator/output.json"))));
        m_gateway = std::make_unique<GatewayDouble>(sourcePath(QStringLiteral("config/tensorzero.toml")), fixtures.path());
        QVERIFY(m_gateway->listen());
        m_client = std::make_unique<TensorZeroClient>(m_network.get(), fastOptions(m_gateway->url()));

        ScriptWriter::Options options;
        options.pinnedVariant = QStringLiteral("creative");
        Brief brief = testBrief();
        brief.expectedSteps = int(shuffled["steps"].size()); // the fallback's shaped answer matches the fixture
        ScriptWriter writer(m_client.get(), brief, Episode(), options);
        QCOMPARE(runToEnd(&writer), 1);
        const auto draft = writer.result();
        QVERIFY2(draft.ok(), qPrintable(draft.ok() ? QString() : draft.error().toString()));
        QVERIFY(draft->usedFallback);
        QVERIFY2(draft->firstFailure.contains(QStringLiteral("/steps/1/step_number")), qPrintable(draft->firstFailure));
        QCOMPARE(draft->script, fixtureScript());
        const auto bodies = inferenceBodies();
        QCOMPARE(bodies.size(), 2);
        QCOMPARE(bodies[0]["variant_name"], json("creative"));
        QCOMPARE(bodies[1]["variant_name"], json(AiFunctions::scriptFallbackVariant().toStdString()));
        QCOMPARE(writer.spent().size(), 2);
        QVERIFY(!writer.spent().first().outputValid);
    }

    void timeoutRetriesOnTheFallback()
    {
        GatewayDouble::Fault slow;
        slow.kind = GatewayDouble::Fault::Kind::Latency;
        slow.latencyMs = 60000; // never answers within the first attempt's timeout
        m_gateway->injectFault(QStringLiteral("/inference"), slow, 1);
        ScriptWriter::Options options;
        options.firstAttemptTimeoutMs = 300;
        ScriptWriter writer(m_client.get(), testBrief(), Episode(), options);
        QCOMPARE(runToEnd(&writer), 1);
        const auto draft = writer.result();
        QVERIFY2(draft.ok(), qPrintable(draft.ok() ? QString() : draft.error().toString()));
        QVERIFY(draft->usedFallback);
        QVERIFY2(draft->firstFailure.contains(QStringLiteral("did not answer in time")), qPrintable(draft->firstFailure));
        const auto answered = m_gateway->requests(QStringLiteral("/inference"));
        QCOMPARE(answered.size(), 1); // the slow one is still "working"
        QCOMPARE(answered.first().json["variant_name"], json(AiFunctions::scriptFallbackVariant().toStdString()));
    }

    void bothAttemptsFailWithAClearMessage()
    {
        GatewayDouble::Fault f;
        f.kind = GatewayDouble::Fault::Kind::ParsedNull;
        m_gateway->injectFault(QStringLiteral("/inference"), f, 2);
        ScriptWriter writer(m_client.get(), testBrief(), Episode(), {});
        QCOMPARE(runToEnd(&writer), 1);
        const auto draft = writer.result();
        QVERIFY(!draft.ok());
        const QString message = draft.error().message;
        QVERIFY2(message.contains(QStringLiteral("did not match the script structure")), qPrintable(message));
        QVERIFY2(message.contains(AiFunctions::scriptFallbackVariant()), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("write the script yourself")), qPrintable(message));
        QVERIFY(draft.error().retryable);
        QCOMPARE(inferenceBodies().size(), 2);
        QCOMPARE(writer.spent().size(), 2); // both were paid for
    }

    void noRetryWhenARetryCannotHelp()
    {
        ScriptWriter::Options options;
        options.pinnedVariant = QStringLiteral("no_such_variant");
        ScriptWriter writer(m_client.get(), testBrief(), Episode(), options);
        QCOMPARE(runToEnd(&writer), 1);
        QVERIFY(!writer.result().ok());
        QCOMPARE(inferenceBodies().size(), 1);
        QCOMPARE(m_gateway->requests(QStringLiteral("/inference")).first().status, 404);
    }

    void pinnedFallbackIsNotRetried()
    {
        GatewayDouble::Fault f;
        f.kind = GatewayDouble::Fault::Kind::ParsedNull;
        m_gateway->injectFault(QStringLiteral("/inference"), f, 1);
        ScriptWriter::Options options;
        options.pinnedVariant = AiFunctions::scriptFallbackVariant();
        ScriptWriter writer(m_client.get(), testBrief(), Episode(), options);
        QCOMPARE(runToEnd(&writer), 1);
        QVERIFY(!writer.result().ok());
        QCOMPARE(inferenceBodies().size(), 1);
    }

    void invalidBriefSendsNothing()
    {
        Brief brief = testBrief();
        brief.description = QStringLiteral("abc");
        ScriptWriter writer(m_client.get(), brief, Episode(), {});
        QCOMPARE(runToEnd(&writer), 1);
        QVERIFY(!writer.result().ok());
        QVERIFY(writer.result().error().message.contains(QStringLiteral("Fix the brief")));
        QCOMPARE(m_gateway->requests().size(), 0);
    }

    void unreachableGatewaySaysWhatToStart()
    {
        TensorZeroClient::Options o = fastOptions(QUrl(QStringLiteral("http://127.0.0.1:1")));
        TensorZeroClient offline(m_network.get(), o);
        ScriptWriter writer(&offline, testBrief(), Episode(), {});
        QCOMPARE(runToEnd(&writer), 1);
        QVERIFY(!writer.result().ok());
        QVERIFY2(writer.result().error().message.contains(QStringLiteral("DIY_TENSORZERO_URL")),
                 qPrintable(writer.result().error().message));
    }

    void cancelStopsTheRequest()
    {
        GatewayDouble::Fault slow;
        slow.kind = GatewayDouble::Fault::Kind::Latency;
        slow.latencyMs = 60000;
        m_gateway->injectFault(QStringLiteral("/inference"), slow, 1);
        ScriptWriter writer(m_client.get(), testBrief(), Episode(), {});
        int emissions = 0;
        connect(&writer, &Job::finished, this, [&emissions](const Status &) { ++emissions; });
        writer.start();
        // Wait until the request is on the wire, then cancel.
        QVERIFY(QTest::qWaitFor([&] { return writer.progress().fraction > 0; }, 10000));
        writer.cancel();
        QVERIFY(QTest::qWaitFor([&] { return emissions > 0; }, 10000));
        QTest::qWait(20);
        QCOMPARE(emissions, 1);
        QVERIFY(writer.result().error().isCancelled());
        QCOMPARE(m_gateway->requests(QStringLiteral("/inference")).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestScriptWriter)
#include "tst_script_writer.moc"
