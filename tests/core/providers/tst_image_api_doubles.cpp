// The picture-API doubles are only useful if they are as strict as the real servers: these tests
// send them what the real APIs reject and check that the double rejects it the same way.
#include "images/GeminiImageDouble.h"
#include "images/OpenAiImageDouble.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QtTest>

using namespace diy::test;
using json = nlohmann::json;

class TestImageApiDoubles : public QObject {
    Q_OBJECT
private:
    QNetworkAccessManager m_network;

    struct Answer {
        int status = 0;
        json body;
        QByteArray raw;
    };
    Answer send(const QUrl &url, const QByteArray &method, const QList<QPair<QByteArray, QByteArray>> &headers,
                const QByteArray &body = {})
    {
        QNetworkRequest request(url);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = method == "GET" ? m_network.get(request) : m_network.post(request, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(30'000))
            return {};
        Answer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.raw = reply->readAll();
        a.body = json::parse(a.raw.constData(), a.raw.constData() + a.raw.size(), nullptr, false);
        reply->deleteLater();
        return a;
    }
    static QByteArray geminiBody(const json &parts, const json &config)
    {
        json body = {{"contents", json::array({{{"role", "user"}, {"parts", parts}}})}};
        if (!config.is_null())
            body["generationConfig"] = config;
        return QByteArray::fromStdString(body.dump());
    }
    static json imageConfig(const char *ratio = "9:16")
    {
        return {{"responseModalities", json::array({"IMAGE"})}, {"imageConfig", {{"aspectRatio", ratio}}}};
    }

private slots:
    void geminiRejectsWhatTheApiRejects_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("googleStatus");
        QTest::addColumn<QString>("message");
        const json text = json::array({{{"text", "a bird feeder"}}});
        const QString model = QStringLiteral("gemini-2.5-flash-image");
        QTest::newRow("no key") << QByteArray() << model << geminiBody(text, imageConfig()) << 403 << "PERMISSION_DENIED"
                                << "unregistered callers";
        QTest::newRow("wrong key") << QByteArray("nope") << model << geminiBody(text, imageConfig()) << 400 << "INVALID_ARGUMENT"
                                   << "API key not valid";
        QTest::newRow("unknown model") << QByteArray("test-key") << QStringLiteral("gemini-0") << geminiBody(text, imageConfig())
                                       << 404 << "NOT_FOUND"
                                       << "models/gemini-0 is not found";
        QTest::newRow("unknown top-level field")
            << QByteArray("test-key") << model << QByteArray(R"({"contents":[{"parts":[{"text":"x"}]}],"imageConfig":{}})") << 400
            << "INVALID_ARGUMENT"
            << "Unknown name \"imageConfig\"";
        QTest::newRow("unknown imageConfig field")
            << QByteArray("test-key") << model
            << geminiBody(text, {{"imageConfig", {{"aspectRatio", "9:16"}, {"numberOfImages", 1}}}}) << 400 << "INVALID_ARGUMENT"
            << "Unknown name \"numberOfImages\"";
        QTest::newRow("bad aspect ratio") << QByteArray("test-key") << model << geminiBody(text, imageConfig("9:15")) << 400
                                          << "INVALID_ARGUMENT"
                                          << "aspect ratio";
        QTest::newRow("bad image size") << QByteArray("test-key") << model
                                        << geminiBody(text, {{"imageConfig", {{"imageSize", "8K"}}}}) << 400 << "INVALID_ARGUMENT"
                                        << "image size";
        QTest::newRow("bad modality") << QByteArray("test-key") << model
                                      << geminiBody(text, {{"responseModalities", json::array({"PICTURE"})}}) << 400
                                      << "INVALID_ARGUMENT"
                                      << "response_modalities";
        QTest::newRow("empty contents") << QByteArray("test-key") << model << QByteArray(R"({"contents":[]})") << 400
                                        << "INVALID_ARGUMENT"
                                        << "contents";
        QTest::newRow("part with text and image")
            << QByteArray("test-key") << model
            << geminiBody(json::array({{{"text", "x"}, {"inlineData", {{"mimeType", "image/png"}, {"data", "iVBORw0KGgo="}}}}}),
                          imageConfig())
            << 400 << "INVALID_ARGUMENT"
            << "oneof";
        QTest::newRow("bad base64") << QByteArray("test-key") << model
                                    << geminiBody(json::array({{{"inlineData", {{"mimeType", "image/png"}, {"data", "%%%"}}}}}),
                                                  imageConfig())
                                    << 400 << "INVALID_ARGUMENT"
                                    << "Base64";
        QTest::newRow("not JSON") << QByteArray("test-key") << model << QByteArray("{contents") << 400 << "INVALID_ARGUMENT"
                                  << "Invalid JSON payload";
    }
    void geminiRejectsWhatTheApiRejects()
    {
        QFETCH(QByteArray, key);
        QFETCH(QString, model);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, googleStatus);
        QFETCH(QString, message);
        GeminiImageDouble gemini;
        QVERIFY(gemini.listen());
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!key.isEmpty())
            headers.append({QByteArray("x-goog-api-key"), key});
        const Answer a = send(QUrl(gemini.url().toString() + QStringLiteral("/v1beta/models/%1:generateContent").arg(model)),
                              "POST", headers, body);
        QCOMPARE(a.status, status);
        QVERIFY2(a.body.is_object() && a.body.contains("error"), a.raw.constData());
        QCOMPARE(a.body["error"]["code"], status);
        QCOMPARE(QString::fromStdString(a.body["error"]["status"].get<std::string>()), googleStatus);
        QVERIFY2(QString::fromStdString(a.body["error"]["message"].get<std::string>()).contains(message), a.raw.constData());
        QCOMPARE(gemini.picturesServed(), 0);
        QCOMPARE(gemini.pictureRequests(), 1); // refused requests are counted too
    }

    void geminiAcceptsTheDocumentedForms()
    {
        GeminiImageDouble gemini;
        QVERIFY(gemini.listen());
        // snake_case and the ?key= query are accepted like the real API; TEXT+IMAGE adds a text part.
        const QByteArray body = QByteArray::fromStdString(
            json({{"contents", json::array({{{"parts", json::array({{{"text", "a kite"}}})}}})},
                  {"generation_config",
                   {{"response_modalities", json::array({"TEXT", "IMAGE"})}, {"image_config", {{"aspect_ratio", "16:9"}}}}}})
                .dump());
        const Answer a = send(QUrl(gemini.url().toString()
                                   + QStringLiteral("/v1beta/models/gemini-3-pro-image-preview:generateContent?key=test-key")),
                              "POST", {}, body);
        QCOMPARE(a.status, 200);
        const json parts = a.body["candidates"][0]["content"]["parts"];
        QCOMPARE(parts.size(), std::size_t(2));
        QVERIFY(parts[0].contains("text"));
        const QByteArray png = QByteArray::fromBase64(QByteArray::fromStdString(parts[1]["inlineData"]["data"].get<std::string>()));
        QImage image;
        QVERIFY(image.loadFromData(png, "PNG"));
        QCOMPARE(image.size(), GeminiImageDouble::pictureSize(QStringLiteral("16:9")));
        QCOMPARE(image.pixelColor(image.width() / 2, image.height() / 2), ImageApiDouble::colorFor(QStringLiteral("a kite")));
        QCOMPARE(a.body["usageMetadata"]["candidatesTokensDetails"][0]["modality"], "IMAGE");
        QCOMPARE(gemini.picturesServed(), 1);

        // Without IMAGE in the modalities the model answers with text only (no picture, not billed as one).
        const Answer t =
            send(QUrl(gemini.url().toString() + QStringLiteral("/v1beta/models/gemini-2.5-flash-image:generateContent")), "POST",
                 {{QByteArray("x-goog-api-key"), QByteArray("test-key")}}, geminiBody(json::array({{{"text", "x"}}}), json()));
        QCOMPARE(t.status, 200);
        QVERIFY(!t.body["candidates"][0]["content"]["parts"][0].contains("inlineData"));
        QCOMPARE(gemini.picturesServed(), 1);
    }

    void geminiQuotaCarriesRetryInfoInTheBody()
    {
        GeminiImageDouble gemini;
        QVERIFY(gemini.listen());
        gemini.injectFault({ImageApiDouble::Fault::Kind::RateLimited, 0, QStringLiteral("17s"), {}});
        gemini.injectFault({ImageApiDouble::Fault::Kind::RateLimited, 0, {}, {}});
        const QUrl url(gemini.url().toString() + QStringLiteral("/v1beta/models/gemini-2.5-flash-image:generateContent"));
        const QList<QPair<QByteArray, QByteArray>> key{{QByteArray("x-goog-api-key"), QByteArray("test-key")}};
        const Answer a = send(url, "POST", key, geminiBody(json::array({{{"text", "x"}}}), imageConfig()));
        QCOMPARE(a.status, 429);
        QCOMPARE(a.body["error"]["status"], "RESOURCE_EXHAUSTED");
        bool found = false;
        for (const json &d : a.body["error"]["details"])
            found = found || (d["@type"] == "type.googleapis.com/google.rpc.RetryInfo" && d["retryDelay"] == "17s");
        QVERIFY(found);
        const Answer b = send(url, "POST", key, geminiBody(json::array({{{"text", "x"}}}), imageConfig()));
        QCOMPARE(b.status, 429);
        for (const json &d : b.body["error"]["details"])
            QVERIFY(d["@type"] != "type.googleapis.com/google.rpc.RetryInfo"); // RetryInfo can be absent
    }

    void openAiRejectsWhatTheApiRejects_data()
    {
        QTest::addColumn<QByteArray>("auth");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        const QByteArray bearer("Bearer test-key");
        QTest::newRow("no key") << QByteArray() << QByteArray(R"({"model":"gpt-image-1","prompt":"x"})") << 401 << QString()
                                << "didn't provide an API key";
        QTest::newRow("wrong key") << QByteArray("Bearer sk-wrong-1234") << QByteArray(R"({"model":"gpt-image-1","prompt":"x"})")
                                   << 401 << "invalid_api_key"
                                   << "Incorrect API key";
        QTest::newRow("unknown model") << bearer << QByteArray(R"({"model":"gpt-image-0","prompt":"x"})") << 404
                                       << "model_not_found"
                                       << "does not exist";
        QTest::newRow("unknown field") << bearer << QByteArray(R"({"model":"gpt-image-1","prompt":"x","aspect_ratio":"9:16"})")
                                       << 400 << QString() << "Unrecognized request argument supplied: aspect_ratio";
        QTest::newRow("no prompt") << bearer << QByteArray(R"({"model":"gpt-image-1"})") << 400 << QString()
                                   << "Missing required parameter: 'prompt'";
        QTest::newRow("size")
            << bearer << QByteArray(R"({"model":"gpt-image-1","prompt":"x","size":"1254x836"})") << 400 << "invalid_value"
            << "Invalid value: '1254x836'. Supported values are: '1024x1024', '1536x1024', '1024x1536', and 'auto'.";
        QTest::newRow("dall-e-3 size") << bearer << QByteArray(R"({"model":"dall-e-3","prompt":"x","size":"1024x1536"})") << 400
                                       << "invalid_value"
                                       << "'1024x1792'";
        QTest::newRow("response_format on gpt-image")
            << bearer << QByteArray(R"({"model":"gpt-image-1","prompt":"x","response_format":"b64_json"})") << 400
            << "unknown_parameter"
            << "response_format";
        QTest::newRow("dall-e-3 n=2") << bearer << QByteArray(R"({"model":"dall-e-3","prompt":"x","n":2})") << 400 << QString()
                                      << "'n'";
        QTest::newRow("gpt quality on dall-e-3")
            << bearer << QByteArray(R"({"model":"dall-e-3","prompt":"x","quality":"medium"})") << 400 << "invalid_value"
            << "'hd'";
        QTest::newRow("not JSON") << bearer << QByteArray("{prompt") << 400 << QString() << "could not parse the JSON body";
    }
    void openAiRejectsWhatTheApiRejects()
    {
        QFETCH(QByteArray, auth);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, message);
        OpenAiImageDouble openai;
        QVERIFY(openai.listen());
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!auth.isEmpty())
            headers.append({QByteArray("Authorization"), auth});
        const Answer a = send(QUrl(openai.url().toString() + QStringLiteral("/v1/images/generations")), "POST", headers, body);
        QCOMPARE(a.status, status);
        QVERIFY2(a.body.is_object() && a.body["error"].is_object(), a.raw.constData());
        const json &e = a.body["error"];
        for (const char *field : {"message", "type", "param", "code"})
            QVERIFY2(e.contains(field), field); // param and code are present even when null
        QCOMPARE(e["code"].is_null() ? QString() : QString::fromStdString(e["code"].get<std::string>()), code);
        QVERIFY2(QString::fromStdString(e["message"].get<std::string>()).contains(message), a.raw.constData());
        QCOMPARE(openai.picturesServed(), 0);
    }

    void openAiAnswersLikeTheApi()
    {
        OpenAiImageDouble openai;
        QVERIFY(openai.listen());
        const QList<QPair<QByteArray, QByteArray>> auth{{QByteArray("Authorization"), QByteArray("Bearer test-key")}};
        const QUrl url(openai.url().toString() + QStringLiteral("/v1/images/generations"));
        // dall-e defaults to a link; the link serves the picture.
        const Answer a = send(url, "POST", auth, R"({"model":"dall-e-3","prompt":"a kite","size":"1792x1024"})");
        QCOMPARE(a.status, 200);
        QVERIFY(a.body["data"][0].contains("url"));
        QVERIFY(a.body["data"][0].contains("revised_prompt"));
        QCOMPARE(openai.picturesServed(), 0);
        const Answer file = send(QUrl(QString::fromStdString(a.body["data"][0]["url"].get<std::string>())), "GET", {});
        QCOMPARE(file.status, 200);
        QImage image;
        QVERIFY(image.loadFromData(file.raw, "PNG"));
        QCOMPARE(image.size(), QSize(112, 64));
        QCOMPARE(openai.picturesServed(), 1);
        // GPT-image: b64_json and usage.
        const Answer b = send(url, "POST", auth, R"({"model":"gpt-image-1","prompt":"a kite","size":"1024x1536","quality":"low"})");
        QCOMPARE(b.status, 200);
        QVERIFY(b.body["data"][0].contains("b64_json"));
        QVERIFY(b.body.contains("usage"));
        QCOMPARE(b.body["quality"], "low");
        QCOMPARE(openai.picturesServed(), 2);
        // Retry-After on 429 when a hint is set.
        openai.injectFault({ImageApiDouble::Fault::Kind::RateLimited, 0, QStringLiteral("7"), {}});
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer test-key");
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = m_network.post(request, R"({"model":"gpt-image-1","prompt":"x"})");
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(30'000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 429);
        QCOMPARE(reply->rawHeader("Retry-After"), QByteArray("7"));
        reply->deleteLater();
        QCOMPARE(openai.pictureRequests(), 3);
    }
};

QTEST_GUILESS_MAIN(TestImageApiDoubles)
#include "tst_image_api_doubles.moc"
