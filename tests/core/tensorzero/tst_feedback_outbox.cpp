#include "TzTestSupport.h"

#include "tensorzero/FeedbackOutbox.h"
#include "tensorzero/InferenceJob.h"
#include "util/AtomicFile.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <csignal>

using namespace diy;
using namespace diy::test;
using json = nlohmann::json;

class TestFeedbackOutbox : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<GatewayDouble> m_gateway;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TensorZeroClient> m_client;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_episode;

    FeedbackOutbox::Options fastOutbox()
    {
        FeedbackOutbox::Options o;
        o.backoff.initialDelayMs = 30;
        o.backoff.maxDelayMs = 100;
        return o;
    }
    QStringList filesOnDisk() const { return QDir(m_dir->path()).entryList({QStringLiteral("*.json")}, QDir::Files); }
    json fileJson(const QString &id) const
    {
        QFile f(QDir(m_dir->path()).filePath(id + QStringLiteral(".json")));
        if (!f.open(QIODevice::ReadOnly))
            return nullptr;
        return json::parse(f.readAll().toStdString());
    }

private slots:
    void init()
    {
        m_gateway = std::make_unique<GatewayDouble>();
        QVERIFY(m_gateway->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<TensorZeroClient>(m_network.get(), fastOptions(m_gateway->url()));
        m_dir = std::make_unique<QTemporaryDir>();
        // An episode the gateway knows about.
        InferenceRequest r;
        r.functionName = QStringLiteral("script_generator");
        r.userArguments = scriptArguments();
        const auto result = runJob<Result<InferenceResponse>>(m_client->infer(r));
        QVERIFY(result && result->ok());
        m_episode = result->value().episodeId;
        m_gateway->clearRecords();
    }
    void cleanup()
    {
        m_client.reset();
        m_network.reset();
        m_gateway.reset();
        m_dir.reset();
    }

    void writtenBeforeSendingAndRemovedOnSuccess()
    {
        FeedbackOutbox outbox(m_dir->path(), m_client.get(), fastOutbox());
        QSignalSpy changed(&outbox, &FeedbackOutbox::itemChanged);
        QSignalSpy flushed(&outbox, &FeedbackOutbox::flushed);
        const QString id = outbox.enqueue(FeedbackItem::userSatisfaction(m_episode, true));
        QVERIFY(!id.isEmpty());
        QCOMPARE(filesOnDisk(), QStringList{id + QStringLiteral(".json")});
        QCOMPARE(fileJson(id)["state"], json("queued"));
        QCOMPARE(m_gateway->requests().size(), 0); // nothing sent before flush()
        outbox.flush();
        QCOMPARE(toString(outbox.item(id).state), toString(FeedbackItem::State::Sending));
        QCOMPARE(fileJson(id)["state"], json("sending")); // on disk before the request leaves
        QCOMPARE(fileJson(id)["attempts"], json(1));
        QTRY_COMPARE(flushed.count(), 1);
        QCOMPARE(toString(outbox.item(id).state), toString(FeedbackItem::State::Sent));
        QVERIFY(!outbox.item(id).feedbackId.isEmpty());
        QVERIFY(filesOnDisk().isEmpty());
        QVERIFY(changed.count() >= 3);
        const auto accepted = m_gateway->acceptedFeedback();
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(accepted[0].metric, QStringLiteral("user_satisfaction"));
        QCOMPARE(accepted[0].value, json(true));
        QCOMPARE(accepted[0].tags.value(QStringLiteral("diy_feedback_id")), id);
        QCOMPARE(outbox.pendingCount(), 0);
    }

    void changingAVoteSupersedesTheQueuedOne()
    {
        FeedbackOutbox outbox(m_dir->path(), m_client.get(), fastOutbox());
        const QString up = outbox.enqueue(FeedbackItem::userSatisfaction(m_episode, true));
        const QString comment = outbox.enqueue(FeedbackItem::comment(m_episode, QStringLiteral("nice")));
        const QString down = outbox.enqueue(FeedbackItem::userSatisfaction(m_episode, false));
        QCOMPARE(outbox.items().size(), 2);
        QVERIFY(outbox.item(up).id.isEmpty());
        QCOMPARE(filesOnDisk().size(), 2);
        QSignalSpy flushed(&outbox, &FeedbackOutbox::flushed);
        outbox.flush();
        QTRY_COMPARE(flushed.count(), 1);
        const auto accepted = m_gateway->acceptedFeedback();
        QCOMPARE(accepted.size(), 2);
        QCOMPARE(accepted[0].metric, QStringLiteral("comment"));
        QCOMPARE(accepted[1].value, json(false));
        QCOMPARE(toString(outbox.item(down).state), toString(FeedbackItem::State::Sent));
        QCOMPARE(toString(outbox.item(comment).state), toString(FeedbackItem::State::Sent));
    }

    void transientFailureRetriesWithBackoff()
    {
        FeedbackOutbox outbox(m_dir->path(), m_client.get(), fastOutbox());
        m_gateway->injectFault(QStringLiteral("/feedback"), {GatewayDouble::Fault::Kind::Unavailable}, 2);
        // Every state the item passes through (polling could miss the short Queued spells).
        QStringList states;
        bool messageWhileQueued = false;
        connect(&outbox, &FeedbackOutbox::itemChanged, this, [&](const QString &) {
            for (const FeedbackItem &i : outbox.items()) {
                const QString st = toString(i.state);
                if (states.isEmpty() || states.last() != st)
                    states << st;
                if (i.state == FeedbackItem::State::Queued && i.attempts > 0 && !i.userMessage.isEmpty())
                    messageWhileQueued = true;
            }
        });
        const QString id = outbox.enqueue(FeedbackItem::userSatisfaction(m_episode, true));
        outbox.flush();
        QTRY_COMPARE(toString(outbox.item(id).state), toString(FeedbackItem::State::Sent));
        QCOMPARE(states.count(QStringLiteral("sending")), 3);
        QVERIFY2(states.count(QStringLiteral("queued")) >= 2, qPrintable(states.join(QLatin1Char(','))));
        QVERIFY2(messageWhileQueued, "a transient failure is explained while the item waits");
        QCOMPARE(outbox.item(id).attempts, 3);
        QCOMPARE(m_gateway->acceptedFeedback().size(), 1);
        QVERIFY(filesOnDisk().isEmpty());
    }

    void gatewayDownThenNextStartSends()
    {
        const QString url = m_gateway->url().toString();
        QString id;
        {
            auto options = fastOptions(QUrl(QStringLiteral("http://127.0.0.1:1")));
            options.retry.maxAttempts = 1;
            TensorZeroClient offline(m_network.get(), options);
            auto noAutoRetry = fastOutbox();
            noAutoRetry.backoff.initialDelayMs = 60'000; // the next start sends it, not a timer
            noAutoRetry.backoff.maxDelayMs = 60'000;
            FeedbackOutbox outbox(m_dir->path(), &offline, noAutoRetry);
            QSignalSpy flushed(&outbox, &FeedbackOutbox::flushed);
            id = outbox.enqueue(FeedbackItem::userSatisfaction(m_episode, false));
            outbox.flush();
            QTRY_VERIFY(flushed.count() >= 1);
            QCOMPARE(toString(outbox.item(id).state), toString(FeedbackItem::State::Queued));
            QCOMPARE(fileJson(id)["state"], json("queued"));
        }
        FeedbackOutbox restarted(m_dir->path(), m_client.get(), fastOutbox());
        QCOMPARE(toString(restarted.item(id).state), toString(FeedbackItem::State::Queued));
        restarted.flush();
        QTRY_COMPARE(toString(restarted.item(id).state), toString(FeedbackItem::State::Sent));
        QCOMPARE(m_gateway->acceptedFeedback().size(), 1);
        QVERIFY(filesOnDisk().isEmpty());
    }

    void permanentFailureIsKeptWithReason()
    {
        FeedbackOutbox outbox(m_dir->path(), m_client.get(), fastOutbox());
        // Unknown episode: the gateway answers 400, retrying cannot help.
        const QString id = outbox.enqueue(FeedbackItem::userSatisfaction(GatewayDouble::newUuidV7(), true));
        FeedbackItem wrongMetric = FeedbackItem::userSatisfaction(m_episode, true);
        wrongMetric.metric = QStringLiteral("no_such_metric");
        const QString id404 = outbox.enqueue(wrongMetric);
        QSignalSpy flushed(&outbox, &FeedbackOutbox::flushed);
        outbox.flush();
        QTRY_COMPARE(flushed.count(), 1);
        QCOMPARE(toString(outbox.item(id).state), toString(FeedbackItem::State::Failed));
        QCOMPARE(toString(outbox.item(id404).state), toString(FeedbackItem::State::Failed));
        QVERIFY(outbox.item(id).lastError.contains(QStringLiteral("does not exist")));
        QVERIFY(!outbox.item(id).userMessage.isEmpty());
        QCOMPARE(fileJson(id)["state"], json("failed"));
        QCOMPARE(m_gateway->requests(QStringLiteral("/feedback")).size(), 2); // no retries
        // Still there after a restart, and remove() clears it.
        FeedbackOutbox restarted(m_dir->path(), m_client.get(), fastOutbox());
        QCOMPARE(toString(restarted.item(id).state), toString(FeedbackItem::State::Failed));
        QVERIFY(restarted.remove(id));
        QVERIFY(!filesOnDisk().contains(id + QStringLiteral(".json")));
    }

    void retryOfFailedItem()
    {
        FeedbackOutbox outbox(m_dir->path(), m_client.get(), fastOutbox());
        m_gateway->injectFault(QStringLiteral("/feedback"), {GatewayDouble::Fault::Kind::RateLimited, 0, "3600"}, 1);
        QStringList states;
        connect(&outbox, &FeedbackOutbox::itemChanged, this, [&](const QString &changed) {
            const QString st = toString(outbox.item(changed).state);
            if (states.isEmpty() || states.last() != st)
                states << st;
        });
        const QString id = outbox.enqueue(FeedbackItem::userSatisfaction(m_episode, true));
        outbox.flush();
        QTRY_COMPARE(toString(outbox.item(id).state), toString(FeedbackItem::State::Sent));
        // 429 is transient: sent, refused, queued again, sent.
        QVERIFY2(states.indexOf(QStringLiteral("queued"), states.indexOf(QStringLiteral("sending"))) > 0,
                 qPrintable(states.join(QLatin1Char(','))));
        QCOMPARE(outbox.item(id).attempts, 2);
    }

    void corruptFileIsSetAside()
    {
        QFile bad(QDir(m_dir->path()).filePath(QStringLiteral("broken.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{not json");
        bad.close();
        FeedbackOutbox outbox(m_dir->path(), m_client.get(), fastOutbox());
        QVERIFY(outbox.items().isEmpty());
        QVERIFY(QFile::exists(bad.fileName() + QStringLiteral(".corrupt")));
    }

    void killedMidSendNeitherLosesNorDuplicates()
    {
        // The gateway holds the request unanswered and unstored; the child is killed while it is in flight.
        m_gateway->injectFault(QStringLiteral("/feedback"), {GatewayDouble::Fault::Kind::Hold}, 1);
        QSignalSpy held(m_gateway.get(), &GatewayDouble::requestHeld);
        QProcess child;
        child.start(QStringLiteral(TZ_OUTBOX_CHILD), {m_dir->path(), m_gateway->url().toString(), m_episode});
        QVERIFY(child.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(held.count(), 1, kHungJobMs); // the request has reached the gateway
        // Never kill(0, …): that would signal this whole process group.
        QVERIFY(child.processId() > 0 && child.state() == QProcess::Running);
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished());
        const QString id = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
        QVERIFY(!id.isEmpty());
        QCOMPARE(fileJson(id)["state"], json("sending"));
        // The held request ends when the dead client's socket closes.
        QTRY_COMPARE_WITH_TIMEOUT(m_gateway->requests(QStringLiteral("/feedback")).size(), 1, kHungJobMs);
        QCOMPARE(m_gateway->acceptedFeedback().size(), 0);

        FeedbackOutbox restarted(m_dir->path(), m_client.get(), fastOutbox());
        QCOMPARE(toString(restarted.item(id).state), toString(FeedbackItem::State::Queued));
        restarted.flush();
        QTRY_COMPARE(toString(restarted.item(id).state), toString(FeedbackItem::State::Sent));
        const auto accepted = m_gateway->acceptedFeedback();
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(accepted[0].tags.value(QStringLiteral("diy_feedback_id")), id);
        QVERIFY(filesOnDisk().isEmpty());
    }

    void killedAfterTheGatewayStoredItIsResentWithTheSameId()
    {
        // The documented at-least-once window: the gateway stored the feedback, the client was
        // killed before the answer arrived. The restart sends it again; both rows carry the same
        // diy_feedback_id, so the duplicate is recognisable — and it is counted, not hidden.
        m_gateway->injectFault(QStringLiteral("/feedback"), {GatewayDouble::Fault::Kind::StoreThenHold}, 1);
        QSignalSpy held(m_gateway.get(), &GatewayDouble::requestHeld);
        QProcess child;
        child.start(QStringLiteral(TZ_OUTBOX_CHILD), {m_dir->path(), m_gateway->url().toString(), m_episode});
        QVERIFY(child.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(held.count(), 1, kHungJobMs);
        QCOMPARE(m_gateway->acceptedFeedback().size(), 1); // stored before the kill
        QVERIFY(child.processId() > 0 && child.state() == QProcess::Running);
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished());
        const QString id = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
        QVERIFY(!id.isEmpty());
        QCOMPARE(fileJson(id)["state"], json("sending")); // the client never learnt it was stored

        FeedbackOutbox restarted(m_dir->path(), m_client.get(), fastOutbox());
        restarted.flush();
        QTRY_COMPARE(toString(restarted.item(id).state), toString(FeedbackItem::State::Sent));
        const auto accepted = m_gateway->acceptedFeedback();
        QCOMPARE(accepted.size(), 2);
        int withThisId = 0;
        for (const auto &row : accepted)
            withThisId += row.tags.value(QStringLiteral("diy_feedback_id")) == id;
        QCOMPARE(withThisId, 2);
        QCOMPARE(accepted[0].value, accepted[1].value);
        QCOMPARE(accepted[0].targetId, accepted[1].targetId);
        QVERIFY(filesOnDisk().isEmpty());
    }

    void observabilityOffKeepsFeedbackQueuedUntilItIsOn()
    {
        // README: "Without it [observability] inference works but the gateway refuses feedback;
        // the studio keeps that feedback queued on disk and sends it later."
        m_gateway->setObservabilityEnabled(false);
        QString id;
        {
            auto slow = fastOutbox();
            slow.backoff.initialDelayMs = 60'000; // the next start sends it, not a timer
            slow.backoff.maxDelayMs = 60'000;
            FeedbackOutbox outbox(m_dir->path(), m_client.get(), slow);
            QSignalSpy flushed(&outbox, &FeedbackOutbox::flushed);
            id = outbox.enqueue(FeedbackItem::userSatisfaction(m_episode, true));
            outbox.flush();
            QTRY_VERIFY(flushed.count() >= 1);
            QCOMPARE(m_gateway->requests(QStringLiteral("/feedback")).size(), 1);
            QCOMPARE(m_gateway->requests(QStringLiteral("/feedback")).first().status, 400);
            QCOMPARE(toString(outbox.item(id).state), toString(FeedbackItem::State::Queued));
            QVERIFY(outbox.item(id).userMessage.contains(QStringLiteral("observability")));
            QCOMPARE(fileJson(id)["state"], json("queued"));
        }
        m_gateway->setObservabilityEnabled(true);
        FeedbackOutbox restarted(m_dir->path(), m_client.get(), fastOutbox());
        restarted.flush();
        QTRY_COMPARE(toString(restarted.item(id).state), toString(FeedbackItem::State::Sent));
        QCOMPARE(m_gateway->acceptedFeedback().size(), 1);
        QVERIFY(filesOnDisk().isEmpty());
    }

    void killedBeforeSendingStillSends()
    {
        // A child killed while its request is held (Sending on disk, nothing accepted) loses nothing.
        // Killed once the double holds the request, not merely once the file exists: a request still
        // in flight at the kill would land after clearFaults() and be stored (a race, not a rule).
        // Every send of the child is held (not only the first): under load it may time out and
        // retry before the kill, and a retry answered would be the at-least-once duplicate.
        m_gateway->injectFault(QStringLiteral("/feedback"), {GatewayDouble::Fault::Kind::Hold}, 1000);
        QSignalSpy held(m_gateway.get(), &GatewayDouble::requestHeld);
        QProcess child;
        child.start(QStringLiteral(TZ_OUTBOX_CHILD), {m_dir->path(), m_gateway->url().toString(), m_episode});
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(held.count() >= 1, 30000);
        QVERIFY(!filesOnDisk().isEmpty());
        // Never kill(0, …): that would signal this whole process group.
        QVERIFY(child.processId() > 0 && child.state() == QProcess::Running);
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        m_gateway->clearFaults();
        const QString id = filesOnDisk().first().chopped(5);
        FeedbackOutbox restarted(m_dir->path(), m_client.get(), fastOutbox());
        restarted.flush();
        QTRY_COMPARE(toString(restarted.item(id).state), toString(FeedbackItem::State::Sent));
        QCOMPARE(m_gateway->acceptedFeedback().size(), 1);
    }

    // --- issue 10 ---

    void malformedItemsAreSetAsideWithAReason_data()
    {
        QTest::addColumn<QByteArray>("field"); // replaces "attempts": 0 in a valid item
        QTest::addColumn<QString>("mentions");
        QTest::newRow("attempts string") << QByteArray("\"attempts\": \"3\"")
                                         << QStringLiteral("\"attempts\" must be a whole number");
        QTest::newRow("attempts 1e300") << QByteArray("\"attempts\": 1e300")
                                        << QStringLiteral("\"attempts\" must be a whole number");
        QTest::newRow("attempts negative") << QByteArray("\"attempts\": -1") << QStringLiteral("\"attempts\"");
        QTest::newRow("sequence abc") << QByteArray("\"sequence\": \"abc\", \"x\": 0")
                                      << QStringLiteral("\"sequence\" must be a whole number");
        QTest::newRow("sequence null") << QByteArray("\"sequence\": null, \"x\": 0")
                                       << QStringLiteral("\"sequence\" must be a whole number");
        QTest::newRow("number too big") << QByteArray("\"attempts\": 1e400") << QStringLiteral("outside the range");
        QTest::newRow("deep") << (QByteArray("\"x\": ") + QByteArray(100000, '[') + QByteArray(100000, ']'))
                              << QStringLiteral("nested too deeply");
        QTest::newRow("state unknown") << QByteArray("\"attempts\": 0, \"state\": \"lost\"") << QStringLiteral("\"state\"");
    }
    void malformedItemsAreSetAsideWithAReason()
    {
        QFETCH(QByteArray, field);
        QFETCH(QString, mentions);
        FeedbackItem good = FeedbackItem::userSatisfaction(m_episode, true);
        good.id = QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001");
        good.sequence = 1;
        QVERIFY(AtomicFile::write(QDir(m_dir->path()).filePath(good.id + QStringLiteral(".json")),
                                  QByteArray::fromStdString(good.toJson().dump()))
                    .ok());
        FeedbackItem bad = good;
        bad.id = QStringLiteral("bbbbbbbb-0000-4000-8000-000000000002");
        bad.sequence = 0;
        QByteArray text = QByteArray::fromStdString(bad.toJson().dump());
        QVERIFY(text.contains("\"attempts\":0"));
        text.replace("\"attempts\":0", field);
        // Keys are written sorted: drop the original of a key the row sets (the last duplicate wins).
        if (field.contains("\"sequence\""))
            text.replace("\"sequence\":0", "\"y\":0");
        if (field.contains("\"state\""))
            text.replace("\"state\":\"queued\"", "\"z\":0");
        const QString badPath = QDir(m_dir->path()).filePath(bad.id + QStringLiteral(".json"));
        QVERIFY(AtomicFile::write(badPath, text).ok());

        FeedbackOutbox outbox(m_dir->path(), m_client.get(), fastOutbox());
        QCOMPARE(outbox.items().size(), 1);
        QCOMPARE(outbox.items().first().id, good.id);
        QVERIFY(QFile::exists(badPath + QStringLiteral(".corrupt")));
        QVERIFY(!QFile::exists(badPath));
        QCOMPARE(outbox.setAside().size(), 1);
        QVERIFY2(outbox.setAside().first().contains(mentions), qPrintable(outbox.setAside().first()));

        // The command line lists the queue instead of aborting, and says what was set aside.
        QVERIFY(AtomicFile::write(badPath, text).ok());
        QProcess cli;
        cli.start(qEnvironmentVariable("DIY_CLI"),
                  {QStringLiteral("feedback"), QStringLiteral("list"), QStringLiteral("--folder"), m_dir->path()});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 0);
        QVERIFY(QString::fromUtf8(cli.readAllStandardOutput()).contains(good.id));
        QVERIFY(QString::fromUtf8(cli.readAllStandardError()).contains(QStringLiteral("set aside")));
    }

    void answeredWithoutFeedbackIdIsFailedNotResent()
    {
        // Decision documented in FeedbackOutbox.h: a 200 without feedback_id is not a delivery and
        // not retried automatically; the item is kept as Failed with a message saying why.
        FeedbackOutbox outbox(m_dir->path(), m_client.get(), fastOutbox());
        m_gateway->injectFault(QStringLiteral("/feedback"), {GatewayDouble::Fault::Kind::AcceptedWithoutId, 0, {}}, 1);
        const QString id = outbox.enqueue(FeedbackItem::userSatisfaction(m_episode, true));
        QSignalSpy flushed(&outbox, &FeedbackOutbox::flushed);
        outbox.flush();
        QTRY_COMPARE(flushed.count(), 1);
        QCOMPARE(toString(outbox.item(id).state), toString(FeedbackItem::State::Failed));
        QVERIFY2(outbox.item(id).userMessage.contains(QStringLiteral("without a feedback id")),
                 qPrintable(outbox.item(id).userMessage));
        QVERIFY(outbox.item(id).lastError.contains(QStringLiteral("HTTP 200 without feedback_id")));
        QCOMPARE(fileJson(id)["state"], json("failed"));   // kept on disk
        QCOMPARE(m_gateway->acceptedFeedback().size(), 1); // the double stored it, like the real gateway would
        outbox.flush();                                    // a later flush does not resend it
        QTRY_COMPARE(flushed.count(), 2);
        QCOMPARE(m_gateway->requests(QStringLiteral("/feedback")).size(), 1);
        // The creator decides: retry sends it again (a normal answer this time).
        outbox.retry(id);
        QTRY_COMPARE(toString(outbox.item(id).state), toString(FeedbackItem::State::Sent));
        QVERIFY(!outbox.item(id).feedbackId.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFeedbackOutbox)
#include "tst_feedback_outbox.moc"
