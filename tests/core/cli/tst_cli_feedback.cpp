// diy-studio-cli feedback flush as a user runs it, against the strict gateway double: the exit
// codes the README and --help promise (0 all sent, 1 some refused, 6 some still queued, 2 usage),
// and what stays on disk in each case.
#include "TestPaths.h"
#include "TzTestSupport.h"
#include "tensorzero/FeedbackOutbox.h"
#include "tensorzero/InferenceJob.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace diy;
using namespace diy::test;

class TestCliFeedback : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<GatewayDouble> m_gateway;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TensorZeroClient> m_client;
    QString m_episode;

    /// Runs the CLI while this process's event loop keeps serving the double.
    int flush(const QString &folder, const QString &url, QString *out = nullptr)
    {
        QProcess p;
        p.start(cliPath(), {QStringLiteral("feedback"), QStringLiteral("flush"), QStringLiteral("--url"), url,
                            QStringLiteral("--folder"), folder});
        if (!p.waitForStarted())
            return -1;
        if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, kHungJobMs)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        if (out)
            *out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    /// Writes items into the outbox folder without sending them (as the studio leaves them).
    void enqueue(const QString &folder, const QList<FeedbackItem> &items)
    {
        FeedbackOutbox outbox(folder, m_client.get());
        for (const FeedbackItem &item : items)
            outbox.enqueue(item);
    }
    static int filesIn(const QString &folder)
    {
        return int(QDir(folder).entryList({QStringLiteral("*.json")}, QDir::Files).size());
    }

private slots:
    void init()
    {
        QVERIFY2(QFileInfo(cliPath()).isExecutable(), "DIY_CLI must point at diy-studio-cli");
        m_gateway = std::make_unique<GatewayDouble>();
        QVERIFY(m_gateway->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<TensorZeroClient>(m_network.get(), fastOptions(m_gateway->url()));
        InferenceRequest r;
        r.functionName = QStringLiteral("script_generator");
        r.userArguments = scriptArguments();
        const auto answer = runJob<Result<InferenceResponse>>(m_client->infer(r));
        QVERIFY(answer && answer->ok());
        m_episode = answer->value().episodeId;
    }
    void cleanup()
    {
        m_client.reset();
        m_network.reset();
        m_gateway.reset();
    }

    void allSentIsZero()
    {
        QTemporaryDir dir;
        enqueue(dir.path(),
                {FeedbackItem::userSatisfaction(m_episode, true), FeedbackItem::comment(m_episode, QStringLiteral("nice"))});
        QCOMPARE(filesIn(dir.path()), 2);
        QString out;
        QCOMPARE(flush(dir.path(), m_gateway->url().toString(), &out), 0);
        QVERIFY2(out.contains(QStringLiteral("All feedback sent")), qPrintable(out));
        QCOMPARE(m_gateway->acceptedFeedback().size(), 2);
        QCOMPARE(filesIn(dir.path()), 0);
    }

    void someRefusedIsOneAndKept()
    {
        QTemporaryDir dir;
        FeedbackItem unknownEpisode = FeedbackItem::userSatisfaction(GatewayDouble::newUuidV7(), true); // 400: no such episode
        enqueue(dir.path(), {FeedbackItem::comment(m_episode, QStringLiteral("fine")), unknownEpisode});
        QString out;
        QCOMPARE(flush(dir.path(), m_gateway->url().toString(), &out), 1);
        QVERIFY2(out.contains(QStringLiteral("refused")), qPrintable(out));
        QCOMPARE(m_gateway->acceptedFeedback().size(), 1);
        QCOMPARE(filesIn(dir.path()), 1); // kept for review
    }

    void unreachableGatewayIsSixAndKept()
    {
        QTemporaryDir dir;
        enqueue(dir.path(), {FeedbackItem::userSatisfaction(m_episode, false)});
        QString out;
        QCOMPARE(flush(dir.path(), QStringLiteral("http://127.0.0.1:1"), &out), 6);
        QVERIFY2(out.contains(QStringLiteral("stay queued")), qPrintable(out));
        QCOMPARE(filesIn(dir.path()), 1);
    }

    void observabilityOffIsSixThenSentLater()
    {
        QTemporaryDir dir;
        enqueue(dir.path(), {FeedbackItem::userSatisfaction(m_episode, true)});
        m_gateway->setObservabilityEnabled(false);
        QCOMPARE(flush(dir.path(), m_gateway->url().toString()), 6); // refused for now, kept queued
        QCOMPARE(filesIn(dir.path()), 1);
        QCOMPARE(m_gateway->acceptedFeedback().size(), 0);
        m_gateway->setObservabilityEnabled(true);
        QCOMPARE(flush(dir.path(), m_gateway->url().toString()), 0);
        QCOMPARE(m_gateway->acceptedFeedback().size(), 1);
        QCOMPARE(filesIn(dir.path()), 0);
    }

    void usageIsTwo()
    {
        QProcess p;
        p.start(cliPath(), {QStringLiteral("feedback"), QStringLiteral("send")});
        QVERIFY(p.waitForFinished(kHungJobMs));
        QCOMPARE(p.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCliFeedback)
#include "tst_cli_feedback.moc"
