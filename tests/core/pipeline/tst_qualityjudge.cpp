// QualityJudge: the AI judge of a finished video, against the strict gateway double on 127.0.0.1.
#include "TinyProject.h"
#include "pipeline/QualityJudge.h"
#include "pipeline/RenderPlan.h"
#include "tensorzero/GatewayDouble.h"
#include "tensorzero/TensorZeroClient.h"
#include "util/AtomicFile.h"
#include "util/BackgroundPool.h"

#include <QBuffer>
#include <QDir>
#include <QImageReader>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace diy;
using nlohmann::json;

namespace {

TensorZeroClient::Options fastOptions(const QUrl &url)
{
    TensorZeroClient::Options o;
    o.baseUrl = url;
    o.inferenceTimeoutMs = 10000;
    o.shortTimeoutMs = 10000;
    o.retry.maxAttempts = 2;
    o.retry.initialDelayMs = 10;
    o.retry.maxDelayMs = 40;
    return o;
}

/// A tiny project that looks rendered: frames at the plan's paths and a technical report.
Project renderedProject(const QString &dir, const json &report)
{
    Project p = test::makeTinyProject(dir);
    for (const auto &scene : RenderPlan::make(p, dir).scenes) {
        QDir().mkpath(QFileInfo(scene.framePath).absolutePath());
        QImage frame(test::tinyFrame(), QImage::Format_RGB32);
        frame.fill(QColor(200, 120, 40));
        frame.save(scene.framePath, "PNG");
    }
    RenderRecord render;
    render.output = QStringLiteral("renders/video.mp4");
    render.reportFile = QStringLiteral("renders/video.checks.json");
    render.finishedAt = QDateTime::currentDateTimeUtc();
    QDir(dir).mkpath(QStringLiteral("renders"));
    (void)AtomicFile::write(QDir(dir).filePath(render.reportFile), QByteArray::fromStdString(report.dump()));
    p.lastRender = render;
    return p;
}

/// Runs the judge (a job: the test owns it) to its one finished(); `emissions` counts finished()
/// for as long as the judge lives.
std::optional<Result<QualityEvaluation>> judge(QualityJudge &j, int *emissions, bool cancelAtOnce = false)
{
    std::optional<Result<QualityEvaluation>> out;
    QObject context;
    QObject::connect(&j, &Job::finished, &j, [emissions](const Status &) { ++*emissions; });
    QObject::connect(&j, &Job::finished, &context, [&out, &j](const Status &) { out = j.result(); });
    j.start();
    if (cancelAtOnce)
        j.cancel();
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 30000);
    return out;
}

json reportWithManySilences()
{
    json silences = json::array();
    for (int i = 0; i < 30; ++i)
        silences.push_back(json::array({i * 1000, i * 1000 + 500}));
    return json{{"errors", 0},
                {"warnings", 1},
                {"silences", silences},
                {"blackFrames", json::array()},
                {"findings", json::array({json{{"severity", "warning"}, {"code", "loudness"}, {"message", "Quiet."}}})}};
}

} // namespace

class TestQualityJudge : public QObject {
    Q_OBJECT
private slots:
    void ratingFor_data()
    {
        QTest::addColumn<double>("score");
        QTest::addColumn<QString>("rating");
        QTest::newRow("10") << 10.0 << "EXCELLENT";
        QTest::newRow("9") << 9.0 << "EXCELLENT";
        QTest::newRow("8.99") << 8.99 << "GOOD";
        QTest::newRow("7") << 7.0 << "GOOD";
        QTest::newRow("6.5") << 6.5 << "FAIR";
        QTest::newRow("5") << 5.0 << "FAIR";
        QTest::newRow("4.9") << 4.9 << "POOR";
        QTest::newRow("0") << 0.0 << "POOR";
    }
    void ratingFor()
    {
        QFETCH(double, score);
        QFETCH(QString, rating);
        QCOMPARE(QualityJudge::ratingFor(score), rating);
    }

    void userArgumentsCarryTheBriefScriptAndReport()
    {
        QTemporaryDir dir;
        const Project p = test::makeTinyProject(dir.path());
        const json report{{"errors", 1}};
        const json args = QualityJudge::userArguments(p, report, 4);
        QCOMPARE(QString::fromStdString(args.at("description").get<std::string>()), p.brief.description.trimmed());
        QCOMPARE(QString::fromStdString(args.at("content_mode").get<std::string>()), Brief::contentModeId(p.brief.contentMode));
        QCOMPARE(args.at("target_duration_seconds").get<int>(), p.brief.targetDurationSeconds);
        QCOMPARE(args.at("script"), p.script->toJson());
        QCOMPARE(args.at("technical_report"), report);
        QCOMPARE(args.at("keyframe_count").get<int>(), 4);
        // A report that is not an object goes as an empty one (the function's schema wants an object).
        QCOMPARE(QualityJudge::userArguments(p, json("broken"), 0).at("technical_report"), json::object());
        Project noScript = p;
        noScript.script.reset();
        QCOMPARE(QualityJudge::userArguments(noScript, report, 0).at("script"), json::object());
    }

    void keyframesAreSmallJpegs()
    {
        QTemporaryDir dir;
        const QString wide = dir.filePath(QStringLiteral("wide.png"));
        const QString tall = dir.filePath(QStringLiteral("tall.png"));
        QImage a(2000, 1000, QImage::Format_RGB32);
        a.fill(Qt::red);
        QVERIFY(a.save(wide));
        QImage b(90, 300, QImage::Format_RGB32);
        b.fill(Qt::blue);
        QVERIFY(b.save(tall));
        const QList<ImageInput> frames = QualityJudge::keyframes({wide, dir.filePath(QStringLiteral("missing.png")), tall});
        QCOMPARE(frames.size(), 2); // a missing frame is skipped, not sent broken
        const QList<double> aspect{2.0, 0.3};
        for (int i = 0; i < frames.size(); ++i) {
            QCOMPARE(frames[i].mimeType, QByteArray("image/jpeg"));
            QBuffer buffer(const_cast<QByteArray *>(&frames[i].data));
            QImageReader reader(&buffer, "JPEG");
            const QSize size = reader.read().size();
            QVERIFY2(std::max(size.width(), size.height()) <= 512,
                     qPrintable(QStringLiteral("%1x%2").arg(size.width()).arg(size.height())));
            QVERIFY(std::abs(double(size.width()) / size.height() - aspect[i]) < 0.02);
        }
    }

    void withoutAGatewayItSaysWhereToSetItUp()
    {
        QTemporaryDir dir;
        QualityJudge j(renderedProject(dir.path(), json::object()), dir.path(), nullptr);
        int emissions = 0;
        const auto result = judge(j, &emissions);
        QVERIFY(result && !*result);
        QVERIFY(result->error().kind == Error::Kind::InvalidInput);
        QVERIFY(result->error().message.contains(QStringLiteral("Settings")));
        QTest::qWait(20); // a second finished() would arrive here
        QCOMPARE(emissions, 1);
    }

    void notRenderedYet()
    {
        test::GatewayDouble gateway;
        QVERIFY(gateway.listen());
        QNetworkAccessManager network;
        TensorZeroClient client(&network, fastOptions(gateway.url()));
        QTemporaryDir dir;
        QualityJudge j(test::makeTinyProject(dir.path()), dir.path(), &client);
        int emissions = 0;
        const auto result = judge(j, &emissions);
        QVERIFY(result && !*result);
        QVERIFY(result->error().message.contains(QStringLiteral("Render the video first")));
        QVERIFY(gateway.requests(QStringLiteral("/inference")).isEmpty());
    }

    void judgesTheRenderedVideo()
    {
        test::GatewayDouble gateway;
        QVERIFY(gateway.listen());
        QNetworkAccessManager network;
        TensorZeroClient client(&network, fastOptions(gateway.url()));
        QTemporaryDir dir;
        const Project project = renderedProject(dir.path(), reportWithManySilences());
        const int scenes = int(project.scenes().size());
        QualityJudge j(project, dir.path(), &client);
        int emissions = 0;
        const auto result = judge(j, &emissions);
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(*result ? QString() : result->error().toString()));
        const QualityEvaluation &e = **result;
        QCOMPARE(e.score, 6.0); // tests/data/tensorzero/video_evaluator/output.json
        QCOMPARE(e.rating, QStringLiteral("FAIR"));
        QVERIFY(e.feedback.startsWith(QStringLiteral("Clear steps")));
        QCOMPARE(e.record.functionName, QStringLiteral("video_evaluator"));
        QCOMPARE(e.record.stage, QStringLiteral("quality"));
        QVERIFY(!e.record.inferenceId.isEmpty());
        QCOMPARE(e.episodeId, e.record.episodeId);
        QCOMPARE(e.toProjectJson().at("score").get<double>(), 6.0);

        const auto sent = gateway.requests(QStringLiteral("/inference"));
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().status, 200);
        int files = 0;
        json arguments;
        for (const auto &block : sent.first().json.at("input").at("messages").at(0).at("content")) {
            files += block.at("type") == "file";
            if (block.at("type") == "text" && block.contains("arguments"))
                arguments = block.at("arguments");
        }
        QCOMPARE(files, scenes); // one keyframe per scene
        QCOMPARE(arguments.at("keyframe_count").get<int>(), scenes);
        // The bulky ranges are dropped, the findings and numbers kept.
        QCOMPARE(arguments.at("technical_report").at("silences"), json::array());
        QCOMPARE(arguments.at("technical_report").at("findings").size(), std::size_t(1));
        QTest::qWait(20);
        QCOMPARE(emissions, 1);
    }

    void cancelledBeforeSendingFinishesOnce()
    {
        test::GatewayDouble gateway;
        QVERIFY(gateway.listen());
        QNetworkAccessManager network;
        TensorZeroClient client(&network, fastOptions(gateway.url()));
        QTemporaryDir dir;
        QualityJudge j(renderedProject(dir.path(), json::object()), dir.path(), &client);
        int emissions = 0;
        const auto result = judge(j, &emissions, true);
        QVERIFY(result && !*result);
        QVERIFY(result->error().isCancelled());
        // The keyframes finish in the pool after the cancel: nothing may be sent then.
        QVERIFY(BackgroundPool::instance()->waitForDone(30000));
        QCoreApplication::processEvents(); // the watcher's finished() is delivered here
        QTest::qWait(50);                  // a request sent by mistake would be answered here
        QCOMPARE(emissions, 1);
        QVERIFY(gateway.requests(QStringLiteral("/inference")).isEmpty());
    }

    void cancelWhileReadingKeyframesWaitsForThemAndSendsNothing()
    {
        test::GatewayDouble gateway;
        QVERIFY(gateway.listen());
        QNetworkAccessManager network;
        TensorZeroClient client(&network, fastOptions(gateway.url()));
        QTemporaryDir dir;
        QualityJudge j(renderedProject(dir.path(), json::object()), dir.path(), &client);
        int emissions = 0;
        connect(&j, &Job::finished, &j, [&emissions](const Status &) { ++emissions; });
        // The first progress comes once the keyframes are being read in the pool: cancel then.
        connect(
            &j, &Job::progressChanged, &j, [&j](const JobProgress &) { j.cancel(); }, Qt::SingleShotConnection);
        j.start();
        QTRY_COMPARE_WITH_TIMEOUT(emissions, 1, 30000);
        QVERIFY(j.status().error().isCancelled());
        QVERIFY(j.result().error().isCancelled());
        QVERIFY(BackgroundPool::instance()->waitForDone(30000));
        QCoreApplication::processEvents();
        QCOMPARE(emissions, 1);
        QVERIFY(gateway.requests(QStringLiteral("/inference")).isEmpty());
    }

    void cancelWhileTheModelThinksFinishesOnceCancelled()
    {
        test::GatewayDouble gateway;
        QVERIFY(gateway.listen());
        gateway.injectFault(QStringLiteral("/inference"), {test::GatewayDouble::Fault::Kind::Hold}, 1);
        QSignalSpy held(&gateway, &test::GatewayDouble::requestHeld);
        QSignalSpy handled(&gateway, &test::GatewayDouble::requestHandled);
        QNetworkAccessManager network;
        TensorZeroClient client(&network, fastOptions(gateway.url()));
        QTemporaryDir dir;
        QualityJudge j(renderedProject(dir.path(), json::object()), dir.path(), &client);
        int emissions = 0;
        connect(&j, &Job::finished, &j, [&emissions](const Status &) { ++emissions; });
        j.start();
        QTRY_COMPARE_WITH_TIMEOUT(held.count(), 1, 30000);
        j.cancel();
        QCOMPARE(emissions, 0); // never from inside cancel()
        QTRY_COMPARE_WITH_TIMEOUT(emissions, 1, 30000);
        QVERIFY(j.result().error().isCancelled());
        QTRY_COMPARE_WITH_TIMEOUT(handled.count(), 1, 30000); // the held request was dropped, not answered
        QCOMPARE(handled.first().at(1).toInt(), 0);
        QVERIFY(client.records().isEmpty());
        QCOMPARE(emissions, 1);
    }
};

QTEST_MAIN(TestQualityJudge) // the plan measures caption text: needs QGuiApplication
#include "tst_qualityjudge.moc"
