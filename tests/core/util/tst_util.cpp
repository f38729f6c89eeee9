#include "util/AtomicFile.h"
#include "util/ContentHash.h"
#include "util/Log.h"
#include "util/Result.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace diy;

class TestUtil : public QObject {
    Q_OBJECT
private slots:
    void resultHoldsValueOrError()
    {
        Result<int> good(42);
        QVERIFY(good.ok());
        QCOMPARE(*good, 42);
        Result<int> bad(Error::invalidInput(QStringLiteral("nope")));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().message, QStringLiteral("nope"));
        QCOMPARE(bad.valueOr(7), 7);
        Status st = Error::cancelled();
        QVERIFY(!st.ok());
        QVERIFY(st.error().isCancelled());
    }

    void hashSeparatesParts()
    {
        const QString a = ContentHash().add(QStringLiteral("ab")).add(QStringLiteral("c")).hex();
        const QString b = ContentHash().add(QStringLiteral("a")).add(QStringLiteral("bc")).hex();
        QVERIFY(a != b);
        QCOMPARE(a.size(), 64);
        QCOMPARE(ContentHash().add(QStringLiteral("x")).hex(), ContentHash().add(QStringLiteral("x")).hex());
    }

    void atomicWriteReplacesWholeFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/file.json"));
        QVERIFY(AtomicFile::write(path, "first").ok());
        QVERIFY(AtomicFile::write(path, "second").ok());
        auto read = AtomicFile::read(path);
        QVERIFY(read.ok());
        QCOMPARE(*read, QByteArray("second"));
        QCOMPARE(QDir(dir.filePath(QStringLiteral("sub"))).entryList(QDir::Files).size(), 1);
        QVERIFY(!AtomicFile::read(dir.filePath(QStringLiteral("missing"))).ok());
        QVERIFY(AtomicFile::read(dir.filePath(QStringLiteral("missing"))).error().kind == Error::Kind::NotFound);
    }

    void readRefusesHugeFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big"));
        QVERIFY(AtomicFile::write(path, QByteArray(2048, 'x')).ok());
        auto read = AtomicFile::read(path, 1024);
        QVERIFY(!read.ok());
        QVERIFY(read.error().kind == Error::Kind::InvalidInput);
    }

    void redactsSecrets_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("secret");
        QTest::newRow("auth header") << QStringLiteral("Authorization: Bearer abcdef123456") << QStringLiteral("abcdef123456");
        QTest::newRow("api key param") << QStringLiteral("GET /v1?api_key=SECRETKEY99&x=1") << QStringLiteral("SECRETKEY99");
        QTest::newRow("json key") << QStringLiteral("{\"api_key\": \"zz-top-secret\"}") << QStringLiteral("zz-top-secret");
        QTest::newRow("openai key") << QStringLiteral("using sk-proj-ABCDEFGHIJKLMNOP") << QStringLiteral("sk-proj-ABCDEFGHIJKLMNOP");
        QTest::newRow("goog header") << QStringLiteral("x-goog-api-key: AIzaXYZ123") << QStringLiteral("AIzaXYZ123");
    }
    void redactsSecrets()
    {
        QFETCH(QString, line);
        QFETCH(QString, secret);
        const QString out = Log::redact(line);
        QVERIFY2(!out.contains(secret), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("***")));
    }

    void redactsRegisteredSecretInRingBuffer()
    {
        Log::init({});
        Log::registerSecret(QStringLiteral("hunter2-registered"));
        logInfo(QStringLiteral("key is hunter2-registered here"));
        const QStringList lines = Log::recentLines();
        QVERIFY(!lines.isEmpty());
        QVERIFY(lines.last().contains(QStringLiteral("key is *** here")));
        QVERIFY(!lines.join(QLatin1Char('\n')).contains(QStringLiteral("hunter2")));
    }
};

QTEST_GUILESS_MAIN(TestUtil)
#include "tst_util.moc"
