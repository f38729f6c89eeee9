#include "AiTestSupport.h"

#include "ai/SceneRewriter.h"

using namespace diy;
using namespace diy::test;
using json = nlohmann::json;

/// SceneRewriter against the strict gateway double (scene_rewriter's schemas are enforced there)
/// and its apply() rules.
class TestSceneRewriter : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<GatewayDouble> m_gateway;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TensorZeroClient> m_client;

    SceneRewriteRequest request(const QString &key, const QString &instruction = QStringLiteral("simpler words")) const
    {
        return {testBrief(), fixtureScript(), key, instruction};
    }

private slots:
    void init()
    {
        m_gateway = std::make_unique<GatewayDouble>();
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

    void rewritesOneStep()
    {
        const json answer = readFixture(QStringLiteral("scene_rewriter"));
        SceneRewriter rewriter(m_client.get(), request(QStringLiteral("step-1")), Episode(QStringLiteral("p")));
        QCOMPARE(runToEnd(&rewriter), 1);
        const auto result = rewriter.result();
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));

        Script expected = fixtureScript();
        expected.steps[0].title = QString::fromStdString(answer["title"].get<std::string>());
        expected.steps[0].narration = QString::fromStdString(answer["narration"].get<std::string>());
        expected.steps[0].imagePrompt = QString::fromStdString(answer["image_prompt"].get<std::string>());
        QCOMPARE(result->script, expected); // only that scene changed
        QCOMPARE(result->sceneKey, QStringLiteral("step-1"));
        QCOMPARE(result->record.functionName, QStringLiteral("scene_rewriter"));
        QCOMPARE(result->record.stage, QStringLiteral("rewrite"));
        QVERIFY(result->record.costUsd.has_value());

        const auto sent = m_gateway->requests(QStringLiteral("/inference"));
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().status, 200);
        const json args = sent.first().json["input"]["messages"][0]["content"][0]["arguments"];
        QCOMPARE(args["scene_id"], json("step-1"));
        QCOMPARE(args["scene_kind"], json("step"));
        QCOMPARE(args["current_title"], json("Fold in half"));
        QCOMPARE(args["instruction"], json("simpler words"));
        QCOMPARE(args["script"], fixtureScript().toJson());
        QCOMPARE(sent.first().json["tags"]["scene"], json("step-1"));
    }

    void introTitleIsTheVideoTitle()
    {
        SceneRewriter rewriter(m_client.get(), request(QStringLiteral("intro"), QStringLiteral("shorter")), Episode());
        QCOMPARE(runToEnd(&rewriter), 1);
        const auto result = rewriter.result();
        QVERIFY(result.ok());
        QCOMPARE(result->script.title, QStringLiteral("Fold it in half"));
        QCOMPARE(result->script.steps, fixtureScript().steps);
    }

    void completionKeepsTheVideoTitle()
    {
        SceneRewriter rewriter(m_client.get(), request(QStringLiteral("completion")), Episode());
        QCOMPARE(runToEnd(&rewriter), 1);
        const auto result = rewriter.result();
        QVERIFY(result.ok());
        QCOMPARE(result->script.title, fixtureScript().title);
        QVERIFY(result->script.completion != fixtureScript().completion);
    }

    void refusedBeforeSending_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("instruction");
        QTest::addColumn<QString>("message");
        QTest::newRow("materials") << QStringLiteral("materials") << QStringLiteral("shorter") << QStringLiteral("checklist");
        QTest::newRow("no such step") << QStringLiteral("step-9") << QStringLiteral("shorter") << QStringLiteral("no scene");
        QTest::newRow("garbage key") << QStringLiteral("step-x") << QStringLiteral("shorter") << QStringLiteral("no scene");
        QTest::newRow("empty instruction") << QStringLiteral("intro") << QStringLiteral("  ") << QStringLiteral("Say how");
    }
    void refusedBeforeSending()
    {
        QFETCH(QString, key);
        QFETCH(QString, instruction);
        QFETCH(QString, message);
        SceneRewriter rewriter(m_client.get(), request(key, instruction), Episode());
        QCOMPARE(runToEnd(&rewriter), 1);
        QVERIFY(!rewriter.result().ok());
        QVERIFY2(rewriter.result().error().message.contains(message), qPrintable(rewriter.result().error().message));
        QCOMPARE(m_gateway->requests().size(), 0);
    }

    void applyValidates_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("narration");
        QTest::addColumn<bool>("ok");
        const QString good = QStringLiteral("Fold the paper carefully along the middle line.");
        QTest::newRow("good step") << QStringLiteral("step-2") << QStringLiteral("Fold corners") << good << true;
        QTest::newRow("narration too short")
            << QStringLiteral("step-2") << QStringLiteral("Fold corners") << QStringLiteral("Fold.") << false;
        QTest::newRow("step title too long") << QStringLiteral("step-2") << QString(81, QLatin1Char('x')) << good << false;
        QTest::newRow("video title too short") << QStringLiteral("intro") << QStringLiteral("Fly") << good << false;
    }
    void applyValidates()
    {
        QFETCH(QString, key);
        QFETCH(QString, title);
        QFETCH(QString, narration);
        QFETCH(bool, ok);
        const auto applied =
            SceneRewriter::apply(fixtureScript(), key, title, narration, QStringLiteral("Hands folding paper corners"));
        QCOMPARE(applied.ok(), ok);
        if (ok)
            QCOMPARE(applied->steps[1].narration, narration);
        else
            QVERIFY(applied.error().message.contains(QStringLiteral("does not fit the script")));
    }

    void gatewayFailureIsReported()
    {
        GatewayDouble::Fault f;
        f.kind = GatewayDouble::Fault::Kind::InternalError;
        m_gateway->injectFault(QStringLiteral("/inference"), f, 1);
        SceneRewriter rewriter(m_client.get(), request(QStringLiteral("step-1")), Episode());
        QCOMPARE(runToEnd(&rewriter), 1);
        QVERIFY(!rewriter.result().ok());
        QVERIFY(!rewriter.result().error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSceneRewriter)
#include "tst_scene_rewriter.moc"
