#include "AiTestSupport.h"

#include "ai/PromptEnhancer.h"
#include "model/Scene.h"

using namespace diy;
using namespace diy::test;
using json = nlohmann::json;

/// PromptEnhancer: one prompt_enhancer call for all scenes → per-scene prompts and one style.
class TestPromptEnhancer : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<GatewayDouble> m_gateway;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TensorZeroClient> m_client;

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

    void oneCallForAllScenes()
    {
        const QList<Scene> scenes = Scene::fromScript(fixtureScript());
        QCOMPARE(scenes.size(), 6);
        PromptEnhancer enhancer(m_client.get(), testBrief(), scenes, QStringLiteral("watercolour"), Episode(QStringLiteral("p")));
        QCOMPARE(runToEnd(&enhancer), 1);
        const auto prompts = enhancer.result();
        QVERIFY2(prompts.ok(), qPrintable(prompts.ok() ? QString() : prompts.error().toString()));

        const json fixture = readFixture(QStringLiteral("prompt_enhancer"));
        QCOMPARE(prompts->style, QString::fromStdString(fixture["style_description"].get<std::string>()));
        QCOMPARE(prompts->scenes.size(), scenes.size());
        for (qsizetype i = 0; i < scenes.size(); ++i) {
            QCOMPARE(prompts->scenes[i].sceneKey, scenes[i].key);
            QCOMPARE(prompts->scenes[i].prompt,
                     QString::fromStdString(fixture["scenes"][std::size_t(i)]["enhanced_prompt"].get<std::string>()));
        }
        QCOMPARE(prompts->promptFor(QStringLiteral("step-2")), prompts->scenes[3].prompt);
        QCOMPARE(prompts->record.stage, QStringLiteral("prompts"));

        const auto sent = m_gateway->requests(QStringLiteral("/inference"));
        QCOMPARE(sent.size(), 1); // one call, not one per scene
        const json args = sent.first().json["input"]["messages"][0]["content"][0]["arguments"];
        QCOMPARE(args["scenes"].size(), std::size_t(6));
        QCOMPARE(args["scenes"][2]["scene_id"], json("step-1"));
        QCOMPARE(args["scenes"][2]["kind"], json("step"));
        QCOMPARE(args["style"], json("watercolour"));
        QCOMPARE(args["video_format"], json("9:16"));
    }

    void answerForOtherScenesIsRefused()
    {
        // A model that ignores the scenes it was asked for: the fixture's six scenes, verbatim.
        QTemporaryDir fixtures;
        QVERIFY(QDir(fixtures.path()).mkpath(QStringLiteral("prompt_enhancer")));
        QVERIFY(QFile::copy(sourcePath(QStringLiteral("tests/data/tensorzero/prompt_enhancer/output.json")),
                            fixtures.filePath(QStringLiteral("prompt_enhancer/output.verbatim.json"))));
        m_gateway = std::make_unique<GatewayDouble>(sourcePath(QStringLiteral("config/tensorzero.toml")), fixtures.path());
        QVERIFY(m_gateway->listen());
        m_client = std::make_unique<TensorZeroClient>(m_network.get(), fastOptions(m_gateway->url()));

        QList<Scene> scenes = Scene::fromScript(fixtureScript());
        const int answered = int(readFixture(QStringLiteral("prompt_enhancer"))["scenes"].size());
        scenes.removeAt(4);
        QVERIFY(int(scenes.size()) != answered);
        PromptEnhancer enhancer(m_client.get(), testBrief(), scenes, QString(), Episode());
        QCOMPARE(runToEnd(&enhancer), 1);
        QVERIFY(!enhancer.result().ok());
        const QString expected = QStringLiteral("%1 prompts for %2 scenes").arg(answered).arg(scenes.size());
        QVERIFY2(enhancer.result().error().message.contains(expected), qPrintable(enhancer.result().error().message));
    }

    void fromOutput_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("message");
        QTest::newRow("as sent") << QString() << QString();
        QTest::newRow("order swapped") << QStringLiteral("swap") << QStringLiteral("should be \"step-1\"");
        QTest::newRow("empty prompt") << QStringLiteral("empty") << QStringLiteral("no prompt for");
        QTest::newRow("no style") << QStringLiteral("nostyle") << QStringLiteral("no style");
    }
    void fromOutput()
    {
        QFETCH(QString, change);
        QFETCH(QString, message);
        const QList<Scene> scenes = Scene::fromScript(fixtureScript());
        json output = readFixture(QStringLiteral("prompt_enhancer"));
        if (change == QStringLiteral("swap"))
            std::swap(output["scenes"][2], output["scenes"][3]);
        else if (change == QStringLiteral("empty"))
            output["scenes"][1]["enhanced_prompt"] = " ";
        else if (change == QStringLiteral("nostyle"))
            output.erase("style_description");
        const auto read = PromptEnhancer::fromOutput(output, scenes);
        QCOMPARE(read.ok(), message.isEmpty());
        if (!read.ok())
            QVERIFY2(read.error().message.contains(message), qPrintable(read.error().message));
    }

    void argumentsStayWithinTheSchema()
    {
        Scene scene;
        scene.key = QStringLiteral("materials");
        scene.kind = Scene::Kind::Materials;
        scene.imagePrompt = QString(3000, QLatin1Char('a'));
        const json args = PromptEnhancer::userArguments(testBrief(), {scene}, QString(900, QLatin1Char('s')));
        QCOMPARE(args["scenes"][0]["image_prompt"].get<std::string>().size(), std::size_t(1000));
        QCOMPARE(args["style"].get<std::string>().size(), std::size_t(500));
    }
};

QTEST_GUILESS_MAIN(TestPromptEnhancer)
#include "tst_prompt_enhancer.moc"
