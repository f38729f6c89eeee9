#include "TzTestSupport.h"

#include "tensorzero/FeedbackOutbox.h"
#include "tensorzero/InferenceJob.h"

#include <QProcess>
#include <QTemporaryDir>

using namespace diy;
using namespace diy::test;

/// diy-studio-cli gateway-check and feedback, run as processes against the in-process double.
class TestGatewayCheck : public QObject {
    Q_OBJECT
private:
    static int runCli(const QStringList &args, QString *out)
    {
        QProcess p;
        p.start(cliPath(), args);
        if (!p.waitForStarted())
            return -1;
        // The double lives in this process: keep its event loop running while the CLI talks to it.
        if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000))
            return -2;
        *out = QString::fromUtf8(p.readAllStandardOutput());
        return p.exitCode();
    }

private slots:
    void initTestCase() { QVERIFY2(!cliPath().isEmpty(), "DIY_CLI is not set"); }

    void readyGateway()
    {
        GatewayDouble gateway;
        QVERIFY(gateway.listen());
        QString out;
        QCOMPARE(runCli({QStringLiteral("gateway-check"), QStringLiteral("--url"), gateway.url().toString()}, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("Verdict: READY")), qPrintable(out));
        for (const char *fn : {"script_generator", "prompt_enhancer", "scene_rewriter", "video_evaluator"})
            QVERIFY(out.contains(QStringLiteral("dry-run %1").arg(QLatin1String(fn))));
        const auto inferences = gateway.requests(QStringLiteral("/inference"));
        QCOMPARE(inferences.size(), 4);
        for (const auto &r : inferences)
            QCOMPARE(r.json["dryrun"], nlohmann::json(true));
    }

    void unhealthyGatewayFails()
    {
        GatewayDouble gateway;
        QVERIFY(gateway.listen());
        gateway.setBackendHealthy(QStringLiteral("clickhouse"), false);
        QString out;
        QCOMPARE(runCli({QStringLiteral("gateway-check"), QStringLiteral("--url"), gateway.url().toString()}, &out), 1);
        QVERIFY2(out.contains(QStringLiteral("NOT READY")), qPrintable(out));
    }

    void passwordInTheUrlIsNeverPrinted()
    {
        GatewayDouble gateway;
        QVERIFY(gateway.listen());
        for (const QString &url : {QStringLiteral("http://user:s3cr3t-canary@127.0.0.1:%1").arg(gateway.port()),
                                   QStringLiteral("http://user:s3cr3t-canary@127.0.0.1:1")}) {
            QProcess p;
            p.setProcessChannelMode(QProcess::MergedChannels);
            p.start(cliPath(), {QStringLiteral("gateway-check"), QStringLiteral("--url"), url});
            QVERIFY(p.waitForStarted());
            QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000));
            const QString all = QString::fromUtf8(p.readAll());
            QVERIFY2(!all.contains(QStringLiteral("s3cr3t-canary")) && !all.contains(QStringLiteral("user:")), qPrintable(all));
            QVERIFY2(all.contains(QStringLiteral("http://***@127.0.0.1:")), qPrintable(all));
        }
    }

    void unreachableGateway()
    {
        QString out;
        QCOMPARE(runCli({QStringLiteral("gateway-check"), QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:1")}, &out), 6);
        QVERIFY(out.contains(QStringLiteral("cannot be reached")));
    }

    void feedbackListAndFlush()
    {
        GatewayDouble gateway;
        QVERIFY(gateway.listen());
        QNetworkAccessManager network;
        TensorZeroClient client(&network, fastOptions(gateway.url()));
        InferenceRequest r;
        r.functionName = QStringLiteral("script_generator");
        r.userArguments = scriptArguments();
        const auto inference = runJob<Result<InferenceResponse>>(client.infer(r));
        QVERIFY(inference && inference->ok());
        QTemporaryDir dir;
        QString id;
        {
            FeedbackOutbox outbox(dir.path(), &client);
            id = outbox.enqueue(FeedbackItem::userSatisfaction(inference->value().episodeId, true));
        }
        QString out;
        QCOMPARE(runCli({QStringLiteral("feedback"), QStringLiteral("list"), QStringLiteral("--folder"), dir.path()}, &out), 0);
        QVERIFY(out.contains(id) && out.contains(QStringLiteral("queued")));
        QCOMPARE(runCli({QStringLiteral("feedback"), QStringLiteral("flush"), QStringLiteral("--folder"), dir.path(),
                         QStringLiteral("--url"), gateway.url().toString()},
                        &out),
                 0);
        QVERIFY(out.contains(QStringLiteral("All feedback sent")));
        QCOMPARE(gateway.acceptedFeedback().size(), 1);
        QCOMPARE(runCli({QStringLiteral("feedback"), QStringLiteral("list"), QStringLiteral("--folder"), dir.path()}, &out), 0);
        QVERIFY(out.contains(QStringLiteral("empty")));
        QCOMPARE(runCli({QStringLiteral("feedback"), QStringLiteral("nonsense")}, &out), 2);
    }
};

QTEST_GUILESS_MAIN(TestGatewayCheck)
#include "tst_gateway_check.moc"
