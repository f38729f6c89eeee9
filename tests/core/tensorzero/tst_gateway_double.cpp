// The double must reject what the real gateway rejects (docs/tensorzero-api.md), or the client
// tests would prove nothing. Raw requests, no client.
#include "TzTestSupport.h"

#include "net/HttpJob.h"

#include <QDateTime>

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

    std::pair<int, QString> post(const QString &path, const json &body)
    {
        HttpRequest request = HttpRequest::postJson(QUrl(m_gateway->url().toString() + path), body);
        request.retry = RetryPolicy::none();
        std::optional<Result<HttpResponse>> out;
        auto *job = new HttpJob(&m_network, request, this);
        connect(job, &HttpJob::finished, this, [&out, job](const Status &) {
            out = job->result();
            job->deleteLater();
        });
        job->start();
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000) || !out->ok())
            return {-1, {}};
        return {out->value().status, QString::fromUtf8(out->value().body)};
    }
    static json scriptBody()
    {
        return {{"function_name", "script_generator"},
                {"input", {{"messages", json::array({{{"role", "user"}, {"content", json::array({{{"type", "text"}, {"arguments", scriptArguments()}}})}}})}}}};
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
        QTest::newRow("old value block") << R"({"op":"replace","path":"/input/messages/0/content/0","value":{"type":"text","value":{"a":1}}})" << 400;
        QTest::newRow("plain text to schema function") << R"({"op":"replace","path":"/input/messages/0/content","value":"hello"})" << 400;
        QTest::newRow("arguments violate schema") << R"({"op":"replace","path":"/input/messages/0/content/0/arguments/content_mode","value":"teen"})" << 400;
        QTest::newRow("extra argument") << R"({"op":"add","path":"/input/messages/0/content/0/arguments/mood","value":"x"})" << 400;
        QTest::newRow("system args without schema") << R"({"op":"add","path":"/input/system","value":{"a":1}})" << 400;
        QTest::newRow("unknown function") << R"({"op":"replace","path":"/function_name","value":"nope"})" << 404;
        QTest::newRow("unknown variant") << R"({"op":"add","path":"/variant_name","value":"nope"})" << 404;
        QTest::newRow("params without inner key") << R"({"op":"add","path":"/params","value":{"temperature":0.5}})" << 400;
        QTest::newRow("params with inner key") << R"({"op":"add","path":"/params","value":{"chat_completion":{"temperature":0.5}}})" << 200;
        QTest::newRow("reserved tag") << R"({"op":"add","path":"/tags","value":{"tensorzero::x":"y"}})" << 400;
        QTest::newRow("non-string tag") << R"({"op":"add","path":"/tags","value":{"x":1}})" << 400;
        QTest::newRow("bad cache mode") << R"({"op":"add","path":"/cache_options","value":{"enabled":"yes"}})" << 400;
        QTest::newRow("uuid v4 episode") << R"({"op":"add","path":"/episode_id","value":"0b5c2a3e-4f7d-4c1a-9b2e-3d4f5a6b7c8d"})" << 400;
        QTest::newRow("bad base64 image") << R"({"op":"add","path":"/input/messages/0/content/-","value":{"type":"file","file_type":"base64","mime_type":"image/png","data":"@@@"}})" << 400;
        QTest::newRow("good image") << R"({"op":"add","path":"/input/messages/0/content/-","value":{"type":"file","file_type":"base64","mime_type":"image/png","data":"aGVsbG8="}})" << 200;
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
        QCOMPARE(post(QStringLiteral("/feedback"), {{"metric_name", "user_satisfaction"}, {"value", true}, {"episode_id", m_episode.toStdString()}}).first, 200);
        QCOMPARE(post(QStringLiteral("/feedback"), {{"metric_name", "user_satisfaction"}, {"value", true}, {"episode_id", m_episode.toStdString()},
                                                    {"inference_id", m_inference.toStdString()}}).first, 400);
        QCOMPARE(post(QStringLiteral("/feedback"), {{"metric_name", "user_satisfaction"}, {"value", true}, {"episode_id", "not-a-uuid"}}).first, 400);
        QCOMPARE(post(QStringLiteral("/feedback"), {{"metric_name", "video_quality_score"}, {"value", 7}, {"inference_id", m_inference.toStdString()}}).first, 200);
        QCOMPARE(post(QStringLiteral("/feedback"), {{"metric_name", "demonstration"}, {"value", "x"}, {"episode_id", m_episode.toStdString()}}).first, 400);
        QCOMPARE(post(QStringLiteral("/feedback"), {{"metric_name", "comment"}, {"value", "nice"}, {"inference_id", m_inference.toStdString()}}).first, 200);
        QCOMPARE(post(QStringLiteral("/feedback"), {{"metric_name", "comment"}, {"value", "x"}, {"episode_id", m_episode.toStdString()}, {"extra", 1}}).first, 400);
        QCOMPARE(post(QStringLiteral("/feedback"), {{"metric_name", "comment"}, {"value", "x"}, {"episode_id", m_episode.toStdString()}, {"tags", {{"tensorzero::a", "b"}}}}).first, 400);
    }

    void everyResponseCarriesTheVersionHeader()
    {
        for (const auto &r : m_gateway->requests())
            QVERIFY(r.status != 0);
        HttpRequest request = HttpRequest::get(QUrl(m_gateway->url().toString() + QStringLiteral("/nope")));
        request.retry = RetryPolicy::none();
        std::optional<Result<HttpResponse>> out;
        auto *job = new HttpJob(&m_network, request, this);
        connect(job, &HttpJob::finished, this, [&out, job](const Status &) {
            out = job->result();
            job->deleteLater();
        });
        job->start();
        QTRY_VERIFY(out.has_value());
        QCOMPARE(out->value().status, 404);
        QCOMPARE(out->value().header("x-tensorzero-gateway-version"), QByteArray("2026.1.0-double"));
    }
};

QTEST_GUILESS_MAIN(TestGatewayDouble)
#include "tst_gateway_double.moc"
