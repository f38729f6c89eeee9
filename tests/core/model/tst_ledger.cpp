#include "model/Ledger.h"

#include "util/AtomicFile.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace diy;
using json = nlohmann::json;

class TestLedger : public QObject {
    Q_OBJECT
private:
    static LedgerEntry picture(double cost, double seconds)
    {
        LedgerEntry e;
        e.at = QDateTime(QDate(2026, 11, 29), QTime(12, 0), Qt::UTC);
        e.what = QStringLiteral("Picture step-1");
        e.stage = QStringLiteral("pictures");
        e.provider = QStringLiteral("gemini");
        e.model = QStringLiteral("gemini-2.5-flash-image");
        e.pictures = 1;
        e.costUsd = cost;
        e.costSource = QStringLiteral("price_table");
        e.seconds = seconds;
        return e;
    }

private slots:
    void fromInferenceKeepsEverything()
    {
        InferenceRecord r;
        r.functionName = QStringLiteral("script_generator");
        r.inferenceId = QStringLiteral("i-1");
        r.variantName = QStringLiteral("creative");
        r.stage = QStringLiteral("script");
        r.inputTokens = 1200;
        r.outputTokens = 1800;
        r.costUsd = 0.0306;
        r.costSource = QStringLiteral("gateway");
        r.model = QStringLiteral("claude-sonnet-4-20250514");
        r.durationMs = 12500;
        r.finishedAt = QDateTime(QDate(2026, 11, 29), QTime(12, 0), Qt::UTC);
        const LedgerEntry e = LedgerEntry::fromInference(r, QStringLiteral("Script"));
        QCOMPARE(e.what, QStringLiteral("Script"));
        QCOMPARE(e.provider, QStringLiteral("tensorzero"));
        QCOMPARE(e.functionName, QStringLiteral("script_generator"));
        QCOMPARE(e.variant, QStringLiteral("creative"));
        QCOMPARE(e.model, QStringLiteral("claude-sonnet-4-20250514"));
        QCOMPARE(e.callId, QStringLiteral("i-1"));
        QCOMPARE(e.inputTokens, qint64(1200));
        QCOMPARE(e.outputTokens, qint64(1800));
        QCOMPARE(e.costUsd, 0.0306);
        QCOMPARE(e.costSource, QStringLiteral("gateway"));
        QCOMPARE(e.seconds, 12.5);
        r.costUsd.reset();
        QCOMPARE(LedgerEntry::fromInference(r, QStringLiteral("Script")).costSource, QStringLiteral("unknown"));
    }

    void appendLoadAndTotals()
    {
        QTemporaryDir dir;
        QVERIFY(Ledger::load(dir.path()).ok()); // no file yet: empty
        QCOMPARE(Ledger::load(dir.path())->entries.size(), 0);
        InferenceRecord r;
        r.functionName = QStringLiteral("script_generator");
        r.inferenceId = QStringLiteral("i-1");
        r.variantName = QStringLiteral("creative");
        r.stage = QStringLiteral("script");
        r.inputTokens = 1000;
        r.outputTokens = 2000;
        r.costUsd = 0.033;
        r.durationMs = 20000;
        r.finishedAt = QDateTime(QDate(2026, 11, 29), QTime(11, 0), Qt::UTC);
        QVERIFY(Ledger::append(dir.path(), LedgerEntry::fromInference(r, QStringLiteral("Script"))).ok());
        QVERIFY(Ledger::append(dir.path(), picture(0.039, 9.0)).ok());
        QVERIFY(Ledger::append(dir.path(), picture(0.039, 11.0)).ok());

        const auto ledger = Ledger::load(dir.path());
        QVERIFY(ledger.ok());
        QCOMPARE(ledger->entries.size(), 3);
        QCOMPARE(ledger->entries[1], picture(0.039, 9.0));
        const Ledger::Totals t = ledger->totals();
        QCOMPARE(t.calls, 3);
        QCOMPARE(qRound64(t.costUsd * 1e6), qRound64(0.111 * 1e6)); // 0.033 + 2 × 0.039
        QCOMPARE(t.inputTokens, qint64(1000));
        QCOMPARE(t.outputTokens, qint64(2000));
        QCOMPARE(t.pictures, 2);
        QCOMPARE(t.seconds, 40.0);
        QCOMPARE(qRound64(t.costByStage.at(QStringLiteral("pictures")) * 1e6), qRound64(0.078 * 1e6));

        // The file says the totals too, for people and other tools.
        const json onDisk = json::parse(AtomicFile::read(Ledger::file(dir.path()))->toStdString());
        QCOMPARE(onDisk["schemaVersion"], json(1));
        QCOMPARE(onDisk["totals"]["pictures"], json(2));
        QCOMPARE(onDisk["entries"].size(), std::size_t(3));
    }

    void brokenOrNewerFilesAreLeftUntouched_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QByteArray("{ broken") << QStringLiteral("not valid JSON");
        QTest::newRow("newer format") << QByteArray(R"({"schemaVersion": 7, "entries": []})") << QStringLiteral("newer");
        QTest::newRow("bad entry") << QByteArray(R"({"schemaVersion": 1, "entries": [{"what": 3}]})") << QStringLiteral("problem");
    }
    void brokenOrNewerFilesAreLeftUntouched()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(AtomicFile::write(Ledger::file(dir.path()), content).ok());
        const Status appended = Ledger::append(dir.path(), picture(0.04, 1.0));
        QVERIFY(!appended.ok());
        QVERIFY2(appended.error().message.contains(message), qPrintable(appended.error().message));
        QCOMPARE(*AtomicFile::read(Ledger::file(dir.path())), content);
    }
};

QTEST_GUILESS_MAIN(TestLedger)
#include "tst_ledger.moc"
