#include "util/AtomicFile.h"
#include "util/ContentHash.h"
#include "util/Log.h"
#include "util/Result.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <spdlog/logger.h>
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

    void redactsInTheLogFileOnDisk()
    {
        // README: "authorization headers, bearer tokens and API keys are redacted before anything
        // is written" — checked in the file itself, not only in the ring buffer.
        QTemporaryDir dir;
        Log::Options options;
        options.directory = dir.path();
        Log::init(options);
        Log::registerSecret(QStringLiteral("hunter3-on-disk"));
        logInfo(QStringLiteral("GET /status Authorization: Bearer sk-live-0123456789abcdef"));
        logInfo(QStringLiteral("provider key hunter3-on-disk in use"));
        logError(QStringLiteral("request failed ?api_key=AIzaSyA-0123456789 (flushes the file)"));
        Log::logger()->flush();
        QFile file(QDir(dir.path()).filePath(QStringLiteral("diy_video_production.log")));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QString onDisk = QString::fromUtf8(file.readAll());
        QVERIFY2(onDisk.contains(QStringLiteral("GET /status")), qPrintable(onDisk)); // the lines are there...
        QVERIFY2(onDisk.contains(QStringLiteral("provider key *** in use")), qPrintable(onDisk));
        for (const char *secret : {"sk-live-0123456789abcdef", "hunter3-on-disk", "AIzaSyA-0123456789"})
            QVERIFY2(!onDisk.contains(QLatin1String(secret)), qPrintable(onDisk)); // ...the secrets are not
        Log::init({}); // release the file before the folder goes
    }
};

QTEST_GUILESS_MAIN(TestUtil)
#include "tst_util.moc"
