// The double must reject what the real gateway rejects (docs/tensorzero-api.md), or the client
// tests would prove nothing. Raw requests, no client.
#include "TzTestSupport.h"

#include "net/HttpJob.h"

#include <QBuffer>
#include <QDateTime>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <functional>

using namespace diy;
using namespace diy::test;
using json = nlohmann::json;

namespace {
QString uuidV7At(qint64 ms)
{
    QString id = GatewayDouble::newUuidV7();
    const QString hex = QStringLiteral("%1").arg(quint64(ms), 12, 16, QLatin1Char('0'));
    return hex.left(8) + QLatin1Char('-') + hex.mid(8, 4) + id.mid(13);
}
} // namespace

class TestGatewayDouble : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<GatewayDouble> m_gateway;
    QNetworkAccessManager m_network;
    QString m_episode;
    QString m_inference;

    std::optional<HttpResponse> send(GatewayDouble &gateway, const QString &path, const json &body)
    {
        HttpRequest request = HttpRequest::postJson(QUrl(gateway.url().toString() + path), body);
        request.retry = RetryPolicy::none();
        const auto out = runJob<Result<HttpResponse>>(new HttpJob(&m_network, request));
        if (!out || !out->ok())
            return std::nullopt;
        return out->value();
    }
    std::pair<int, QString> post(GatewayDouble &gateway, const QString &path, const json &body)
    {
        const auto response = send(gateway, path, body);
        if (!response)
            return {-1, {}};
        return {response->status, QString::fromUtf8(response->body)};
    }
    std::pair<int, QString> post(const QString &path, const json &body) { return post(*m_gateway, path, body); }

    /// Our config/tensorzero.toml with `edit` applied, beside a link to templates/ so its relative
    /// paths still resolve. Returns the path of the copy.
    static QString editedConfig(const QTemporaryDir &dir, const std::function<QString(QString)> &edit)
    {
        QFile source(sourcePath(QStringLiteral("config/tensorzero.toml")));
        if (!source.open(QIODevice::ReadOnly))
            return {};
        QDir(dir.path()).mkpath(QStringLiteral("config"));
        QFile::link(sourcePath(QStringLiteral("templates")), dir.filePath(QStringLiteral("templates")));
        QFile copy(dir.filePath(QStringLiteral("config/tensorzero.toml")));
        if (!copy.open(QIODevice::WriteOnly))
            return {};
        copy.write(edit(QString::fromUtf8(source.readAll())).toUtf8());
        return copy.fileName();
    }
    static QString withoutObjectStorage(QString toml)
    {
        return toml.replace(QStringLiteral("[object_storage]\ntype = \"disabled\"\n"), QString());
    }
    static QByteArray pngBytes()
    {
        QImage image(4, 4, QImage::Format_RGB32);
        image.fill(Qt::red);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        return bytes;
    }
    static json withImage(json body, const QByteArray &bytes, const char *mime = "image/png")
    {
        body["input"]["messages"][0]["content"].push_back(
            {{"type", "file"}, {"file_type", "base64"}, {"mime_type", mime}, {"data", bytes.toBase64().toStdString()}});
        return body;
    }
    static json scriptBody()
    {
        return {{"function_name", "script_generator"},
                {"input",
                 {{"messages", json::array({{{"role", "user"},
                                             {"content", json::array({{{"type", "text"}, {"arguments", scriptArguments()}}})}}})}}}};
    }

private slots:
    void initTestCase()
    {
        m_gateway = std::make_unique<GatewayDouble>();
        QVERIFY(m_gateway->listen());
        const auto [status, body] = post(QStringLiteral("/inference"), scriptBody());
        QCOMPARE(status, 200);
        const json j = json::parse(body.toStdString());
        m_episode = QString::fromStdString(j["episode_id"].get<std::string>());
        m_inference = QString::fromStdString(j["inference_id"].get<std::string>());
    }

    void inferenceRules_data()
    {
        QTest::addColumn<QString>("mutation");
        QTest::addColumn<int>("status");
        QTest::newRow("valid") << "" << 200;
        QTest::newRow("unknown top field") << R"({"op":"add","path":"/temperature","value":1})" << 400;
        QTest::newRow("both function and model") << R"({"op":"add","path":"/model_name","value":"openai::gpt-4o"})" << 400;
        QTest::newRow("neither function nor model") << R"({"op":"remove","path":"/function_name"})" << 400;
        QTest::newRow("old value block")
            << R"({"op":"replace","path":"/input/messages/0/content/0","value":{"type":"text","value":{"a":1}}})" << 400;
        QTest::newRow("plain text to schema function")
            << R"({"op":"replace","path":"/input/messages/0/content","value":"hello"})" << 400;
        QTest::newRow("arguments violate schema")
            << R"({"op":"replace","path":"/input/messages/0/content/0/arguments/content_mode","value":"teen"})" << 400;
        QTest::newRow("extra argument") << R"({"op":"add","path":"/input/messages/0/content/0/arguments/mood","value":"x"})" << 400;
        QTest::newRow("system args without schema") << R"({"op":"add","path":"/input/system","value":{"a":1}})" << 400;
        QTest::newRow("unknown function") << R"({"op":"replace","path":"/function_name","value":"nope"})" << 404;
        QTest::newRow("unknown variant") << R"({"op":"add","path":"/variant_name","value":"nope"})" << 404;
        QTest::newRow("params without inner key") << R"({"op":"add","path":"/params","value":{"temperature":0.5}})" << 400;
        QTest::newRow("params with inner key")
            << R"({"op":"add","path":"/params","value":{"chat_completion":{"temperature":0.5}}})" << 200;
        QTest::newRow("reserved tag") << R"({"op":"add","path":"/tags","value":{"tensorzero::x":"y"}})" << 400;
        QTest::newRow("non-string tag") << R"({"op":"add","path":"/tags","value":{"x":1}})" << 400;
        QTest::newRow("bad cache mode") << R"({"op":"add","path":"/cache_options","value":{"enabled":"yes"}})" << 400;
        QTest::newRow("uuid v4 episode") << R"({"op":"add","path":"/episode_id","value":"0b5c2a3e-4f7d-4c1a-9b2e-3d4f5a6b7c8d"})"
                                         << 400;
        QTest::newRow("bad base64 image")
            << R"({"op":"add","path":"/input/messages/0/content/-","value":{"type":"file","file_type":"base64","mime_type":"image/png","data":"@@@"}})"
            << 400;
        QTest::newRow("image/png that is text")
            << R"({"op":"add","path":"/input/messages/0/content/-","value":{"type":"file","file_type":"base64","mime_type":"image/png","data":"aGVsbG8="}})"
            << 400;
        QTest::newRow("image/png that is a jpeg")
            << R"({"op":"add","path":"/input/messages/0/content/-","value":{"type":"file","file_type":"base64","mime_type":"image/png","data":"/9j/4AAQSkZJRgABAQ=="}})"
            << 400;
        QTest::newRow("image/jpeg that is a jpeg")
            << R"({"op":"add","path":"/input/messages/0/content/-","value":{"type":"file","file_type":"base64","mime_type":"image/jpeg","data":"/9j/4AAQSkZJRgABAQ=="}})"
            << 200;
        QTest::newRow("function_name not a string") << R"({"op":"replace","path":"/function_name","value":7})" << 400;
        QTest::newRow("variant_name not a string") << R"({"op":"add","path":"/variant_name","value":["creative"]})" << 400;
        QTest::newRow("json_mode unknown") << R"({"op":"add","path":"/params","value":{"chat_completion":{"json_mode":"yes"}}})"
                                           << 400;
        QTest::newRow("json_mode not a string")
            << R"({"op":"add","path":"/params","value":{"chat_completion":{"json_mode":true}}})" << 400;
        QTest::newRow("json_mode strict") << R"({"op":"add","path":"/params","value":{"chat_completion":{"json_mode":"strict"}}})"
                                          << 200;
    }
    void inferenceRules()
    {
        QFETCH(QString, mutation);
        QFETCH(int, status);
        json body = scriptBody();
        if (!mutation.isEmpty())
            body = body.patch(json::array({json::parse(mutation.toStdString())}));
        QCOMPARE(post(QStringLiteral("/inference"), body).first, status);
    }

    void realPngIsAccepted() { QCOMPARE(post(QStringLiteral("/inference"), withImage(scriptBody(), pngBytes())).first, 200); }

    void imagesNeedObjectStorage()
    {
        QTemporaryDir dir;
        const QString config = editedConfig(dir, &withoutObjectStorage);
        GatewayDouble bare(config, sourcePath(QStringLiteral("tests/data/tensorzero")));
        QVERIFY2(bare.configError().isEmpty(), qPrintable(bare.configError()));
        QVERIFY(bare.config().objectStorage.isEmpty());
        QVERIFY(bare.listen());
        QCOMPARE(post(bare, QStringLiteral("/inference"), scriptBody()).first, 200); // no image: fine
        const auto [status, body] = post(bare, QStringLiteral("/inference"), withImage(scriptBody(), pngBytes()));
        QCOMPARE(status, 500);
        QVERIFY2(body.contains(QStringLiteral("Object storage is not configured")), qPrintable(body));
        json dry = withImage(scriptBody(), pngBytes());
        dry["dryrun"] = true;
        QCOMPARE(post(bare, QStringLiteral("/inference"), dry).first, 500); // dry runs too
        json byUrl = scriptBody();
        byUrl["input"]["messages"][0]["content"].push_back(
            {{"type", "file"}, {"file_type", "url"}, {"url", "https://example.com/a.png"}});
        QCOMPARE(post(bare, QStringLiteral("/inference"), byUrl).first, 500);
        // Our own config has the section, so the judge's keyframes go through.
        QCOMPARE(m_gateway->config().objectStorage, QStringLiteral("disabled"));
        QCOMPARE(post(QStringLiteral("/inference"), withImage(scriptBody(), pngBytes())).first, 200);
    }

    void costIsNullWithoutCostTables()
    {
        // Our config has a cost table on every provider: the answer carries usage.cost.
        const auto [status, body] = post(QStringLiteral("/inference"), scriptBody());
        QCOMPARE(status, 200);
        QVERIFY(json::parse(body.toStdString())["usage"]["cost"].is_number());

        // Without cost tables the real gateway reports usage.cost as null, and so does the double.
        QTemporaryDir dir;
        const QString config = editedConfig(dir, [](QString toml) {
            return toml.replace(QRegularExpression(QStringLiteral(R"(\ncost = \[\n(  \{[^\n]*\},?\n)+\])")), QString());
        });
        GatewayDouble bare(config, sourcePath(QStringLiteral("tests/data/tensorzero")));
        QVERIFY2(bare.configError().isEmpty(), qPrintable(bare.configError()));
        QVERIFY(bare.config().modelsWithCost.isEmpty());
        QVERIFY(bare.listen());
        const auto [bareStatus, bareBody] = post(bare, QStringLiteral("/inference"), scriptBody());
        QCOMPARE(bareStatus, 200);
        const json usage = json::parse(bareBody.toStdString())["usage"];
        QVERIFY(usage.contains("cost"));
        QVERIFY2(usage["cost"].is_null(), usage.dump().c_str());
    }

    void configWithoutJsonModeIsRefused()
    {
        QTemporaryDir dir;
        const QString config = editedConfig(dir, [](QString toml) {
            return toml.replace(QRegularExpression(QStringLiteral("\njson_mode = \"on\"")), QString());
        });
        const GatewayConfig loaded = GatewayConfig::load(config);
        QVERIFY2(loaded.error.contains(QStringLiteral("json_mode")), qPrintable(loaded.error));
        const QString bad = editedConfig(dir, [](QString toml) {
            return toml.replace(QStringLiteral("json_mode = \"on\""), QStringLiteral("json_mode = \"yes\""));
        });
        QVERIFY(GatewayConfig::load(bad).error.contains(QStringLiteral("json_mode")));
    }

    void observabilityOffRefusesFeedback()
    {
        m_gateway->setObservabilityEnabled(false);
        const auto [status, body] =
            post(QStringLiteral("/feedback"),
                 {{"metric_name", "user_satisfaction"}, {"value", true}, {"episode_id", m_episode.toStdString()}});
        m_gateway->setObservabilityEnabled(true);
        QCOMPARE(status, 400);
        QVERIFY(body.contains(QStringLiteral("observability")));
        QCOMPARE(post(QStringLiteral("/inference"), scriptBody()).first, 200); // inference still works
    }

    void connectionsAreKeptAliveUnlessAsked()
    {
        GatewayDouble gateway;
        QVERIFY(gateway.listen());
        QNetworkAccessManager network; // a fresh pool, so the count is this test's
        for (int i = 0; i < 3; ++i) {
            HttpRequest request = HttpRequest::get(QUrl(gateway.url().toString() + QStringLiteral("/status")));
            request.retry = RetryPolicy::none();
            const auto out = runJob<Result<HttpResponse>>(new HttpJob(&network, request));
            QVERIFY(out && out->ok());
            QCOMPARE(out->value().header("connection").toLower(), QByteArray("keep-alive"));
        }
        QCOMPARE(gateway.connectionCount(), 1);
        gateway.setCloseAfterEachResponse(true);
        for (int i = 0; i < 2; ++i) {
            HttpRequest request = HttpRequest::get(QUrl(gateway.url().toString() + QStringLiteral("/status")));
            request.retry = RetryPolicy::none();
            const auto out = runJob<Result<HttpResponse>>(new HttpJob(&network, request));
            QVERIFY(out && out->ok());
            QCOMPARE(out->value().header("connection").toLower(), QByteArray("close"));
        }
        // The first of these still goes over the kept connection and closes it; the second needs a new one.
        QCOMPARE(gateway.connectionCount(), 2);
    }

    void answersFollowTheRequest_data()
    {
        QTest::addColumn<int>("steps");
        QTest::newRow("3") << 3;
        QTest::newRow("4") << 4;
        QTest::newRow("8") << 8;
    }
    void answersFollowTheRequest()
    {
        QFETCH(int, steps);
        json body = scriptBody();
        body["input"]["messages"][0]["content"][0]["arguments"]["expected_steps"] = steps;
        const auto [status, text] = post(QStringLiteral("/inference"), body);
        QCOMPARE(status, 200);
        const json parsed = json::parse(text.toStdString())["output"]["parsed"];
        QCOMPARE(parsed["steps"].size(), std::size_t(steps));
        QCOMPARE(parsed["steps"].back()["step_number"], json(steps));

        json scenes = json::array();
        for (int i = 1; i <= steps; ++i)
            scenes.push_back({{"scene_id", "step-" + std::to_string(i)},
                              {"kind", "step"},
                              {"title", "T"},
                              {"narration", "N"},
                              {"image_prompt", "hands folding paper, step " + std::to_string(i)}});
        json args = promptArguments();
        args["scenes"] = scenes;
        const json prompts = {
            {"function_name", "prompt_enhancer"},
            {"input",
             {{"messages", json::array({{{"role", "user"}, {"content", json::array({{{"type", "text"}, {"arguments", args}}})}}})}}}};
        const auto [promptStatus, promptText] = post(QStringLiteral("/inference"), prompts);
        QCOMPARE(promptStatus, 200);
        const json enhanced = json::parse(promptText.toStdString())["output"]["parsed"]["scenes"];
        QCOMPARE(enhanced.size(), std::size_t(steps));
        for (int i = 0; i < steps; ++i)
            QCOMPARE(enhanced[std::size_t(i)]["scene_id"], json("step-" + std::to_string(i + 1)));
    }

    void episodeTimestamps()
    {
        json body = scriptBody();
        body["episode_id"] = uuidV7At(QDateTime::currentMSecsSinceEpoch() + 60'000).toStdString();
        QCOMPARE(post(QStringLiteral("/inference"), body).first, 400);
        body["episode_id"] = uuidV7At(QDateTime(QDate(2019, 6, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()).toStdString();
        QCOMPARE(post(QStringLiteral("/inference"), body).first, 400);
        body["episode_id"] = uuidV7At(QDateTime::currentMSecsSinceEpoch() - 1000).toStdString();
        QCOMPARE(post(QStringLiteral("/inference"), body).first, 200);
    }

    void feedbackRules()
    {
        QCOMPARE(post(QStringLiteral("/feedback"),
                      {{"metric_name", "user_satisfaction"}, {"value", true}, {"episode_id", m_episode.toStdString()}})
                     .first,
                 200);
        QCOMPARE(post(QStringLiteral("/feedback"), {{"metric_name", "user_satisfaction"},
                                                    {"value", true},
                                                    {"episode_id", m_episode.toStdString()},
                                                    {"inference_id", m_inference.toStdString()}})
                     .first,
                 400);
        QCOMPARE(post(QStringLiteral("/feedback"),
                      {{"metric_name", "user_satisfaction"}, {"value", true}, {"episode_id", "not-a-uuid"}})
                     .first,
                 400);
        QCOMPARE(post(QStringLiteral("/feedback"),
                      {{"metric_name", "video_quality_score"}, {"value", 7}, {"inference_id", m_inference.toStdString()}})
                     .first,
                 200);
        QCOMPARE(post(QStringLiteral("/feedback"),
                      {{"metric_name", "demonstration"}, {"value", "x"}, {"episode_id", m_episode.toStdString()}})
                     .first,
                 400);
        QCOMPARE(post(QStringLiteral("/feedback"),
                      {{"metric_name", "comment"}, {"value", "nice"}, {"inference_id", m_inference.toStdString()}})
                     .first,
                 200);
        QCOMPARE(post(QStringLiteral("/feedback"),
                      {{"metric_name", "comment"}, {"value", "x"}, {"episode_id", m_episode.toStdString()}, {"extra", 1}})
                     .first,
                 400);
        QCOMPARE(post(QStringLiteral("/feedback"), {{"metric_name", "comment"},
                                                    {"value", "x"},
                                                    {"episode_id", m_episode.toStdString()},
                                                    {"tags", {{"tensorzero::a", "b"}}}})
                     .first,
                 400);
    }

    void everyResponseCarriesTheVersionHeader()
    {
        for (const auto &r : m_gateway->requests())
            QVERIFY(r.status != 0);
        HttpRequest request = HttpRequest::get(QUrl(m_gateway->url().toString() + QStringLiteral("/nope")));
        request.retry = RetryPolicy::none();
        const auto out = runJob<Result<HttpResponse>>(new HttpJob(&m_network, request));
        QVERIFY(out && out->ok());
        QCOMPARE(out->value().status, 404);
        QCOMPARE(out->value().header("x-tensorzero-gateway-version"), QByteArray("2026.1.0-double"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayDouble)
#include "tst_gateway_double.moc"
