// Replays every seed and every kept crashing input of the libFuzzer targets (tests/fuzz) through
// the same code the fuzzers run, so the normal suite guards what the fuzzers found.
#include "FuzzTargets.h"

#include "util/AtomicFile.h"

#include <QDir>
#include <QDirIterator>
#include <QTest>

using namespace diy;

class TestFuzzRegressions : public QObject {
    Q_OBJECT
private slots:
    void replay_data();
    void replay();
    void everyTargetHasSeeds();
};

void TestFuzzRegressions::replay_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("file");
    const QDir root(QStringLiteral(DIY_TEST_DATA_DIR "/fuzz"));
    for (const QString &target : fuzz::targetNames()) {
        QDirIterator it(root.filePath(target), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            QTest::newRow(qPrintable(target + QLatin1Char('/') + root.relativeFilePath(file).section(QLatin1Char('/'), 1)))
                << target << file;
        }
    }
}

void TestFuzzRegressions::replay()
{
    QFETCH(QString, target);
    QFETCH(QString, file);
    const auto bytes = AtomicFile::read(file, 4 * 1024 * 1024);
    QVERIFY2(bytes.ok(), qPrintable(file));
    QVERIFY(fuzz::run(target, *bytes)); // aborts (failing the test) when an invariant breaks
}

void TestFuzzRegressions::everyTargetHasSeeds()
{
    for (const QString &target : fuzz::targetNames()) {
        const QDir dir(QStringLiteral(DIY_TEST_DATA_DIR "/fuzz/") + target);
        QVERIFY2(dir.entryList(QDir::Files).size() >= 3, qPrintable(target));
        QVERIFY2(QDir(dir.filePath(QStringLiteral("regressions"))).exists(), qPrintable(target));
    }
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"
