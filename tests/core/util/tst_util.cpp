#include "FullDisk.h"
#include "util/AtomicFile.h"
#include "util/ContentHash.h"
#include "util/DiskErrors.h"
#include "util/JsonParser.h"
#include "util/Log.h"
#include "util/Result.h"
#include "util/UrlRedaction.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstdio>
#include <limits>
#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <QtTest>
#include <spdlog/logger.h>

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
        QTest::newRow("openai key") << QStringLiteral("using sk-proj-ABCDEFGHIJKLMNOP")
                                    << QStringLiteral("sk-proj-ABCDEFGHIJKLMNOP");
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

    // --- issue 10: every file we read is untrusted ---

    void jsonParserRefusesWhatWouldCrash_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("1e309") << QByteArray("{\"a\": 1e309}") << QStringLiteral("number outside the range");
        QTest::newRow("-1e999") << QByteArray("[-1e999]") << QStringLiteral("number outside the range");
        QTest::newRow("1 and 400 zeros") << (QByteArray("[1") + QByteArray(400, '0') + "]")
                                         << QStringLiteral("number outside the range");
        QTest::newRow("1e6 deep") << (QByteArray(1'000'000, '[') + QByteArray(1'000'000, ']'))
                                  << QStringLiteral("nested too deeply");
        QTest::newRow("65 deep") << (QByteArray(65, '{').replace("{", "{\"a\":") + "1" + QByteArray(65, '}'))
                                 << QStringLiteral("nested too deeply");
        QTest::newRow("syntax") << QByteArray("{\"a\": ") << QStringLiteral("not valid JSON");
        QTest::newRow("bad utf-8") << QByteArray("[\"\xff\"]") << QStringLiteral("not valid JSON");
    }
    void jsonParserRefusesWhatWouldCrash()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, mentions);
        const auto parsed = JsonParser::parse(bytes, QStringLiteral("doc.json"));
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.contains(mentions), qPrintable(parsed.error().message));
        QVERIFY(parsed.error().message.startsWith(QStringLiteral("doc.json")));
    }

    void jsonParserDepthIgnoresBracketsInStrings()
    {
        QCOMPARE(JsonParser::textDepth("[\"[[[[\\\"[[\", {\"a\": [1]}]"), 3);
        QCOMPARE(JsonParser::textDepth("42"), 0);
        const QByteArray deep64 = QByteArray(64, '[') + QByteArray(64, ']');
        QVERIFY(JsonParser::parse(deep64, QStringLiteral("x")).ok());
        QCOMPARE(JsonParser::depth(*JsonParser::parse(deep64, QStringLiteral("x"))), 64);
        QVERIFY(!JsonParser::parse(QByteArray(10, ' '), QStringLiteral("x"), {5, 64}).ok()); // size bound
    }

    void wholeNumbersNeverWrapOrTruncate()
    {
        using nlohmann::json;
        QCOMPARE(JsonParser::wholeNumber(json(3)).value_or(-1), 3);
        QVERIFY(!JsonParser::wholeNumber(json(1e300)).has_value());
        QVERIFY(!JsonParser::wholeNumber(json(3.0)).has_value());
        QVERIFY(!JsonParser::wholeNumber(json("3")).has_value());
        QVERIFY(!JsonParser::wholeNumber(json(nullptr)).has_value());
        QVERIFY(!JsonParser::wholeNumber(json(std::numeric_limits<std::uint64_t>::max())).has_value());
        QVERIFY(!JsonParser::wholeNumber(json(-1), 0, 10).has_value());
    }

    void urlUserInfoIsRedacted()
    {
        QCOMPARE(UrlRedaction::display(QUrl(QStringLiteral("http://user:secret@host:3000/x"))),
                 QStringLiteral("http://***@host:3000/x"));
        QCOMPARE(UrlRedaction::display(QUrl(QStringLiteral("http://host:3000"))), QStringLiteral("http://host:3000"));
        const QString line =
            UrlRedaction::text(QStringLiteral("Error transferring https://bob:pa55@gw.example/status - refused; mail me@x.org"));
        QVERIFY2(!line.contains(QStringLiteral("pa55")) && !line.contains(QStringLiteral("bob")), qPrintable(line));
        QVERIFY(line.contains(QStringLiteral("https://***@gw.example/status")));
        QVERIFY(line.contains(QStringLiteral("me@x.org"))); // not a URL: untouched
        // Every log line goes through the same helper.
        QVERIFY(!Log::redact(QStringLiteral("GET http://u:canary-77@localhost:1/")).contains(QStringLiteral("canary-77")));
    }

    void readRefusesDevicesAndBoundsSize()
    {
        const auto zero = AtomicFile::read(QStringLiteral("/dev/zero"), 1024);
        QVERIFY(!zero.ok());
        QVERIFY2(zero.error().message.contains(QStringLiteral("not a regular file")), qPrintable(zero.error().message));
        QTemporaryDir dir;
        const QString big = dir.filePath(QStringLiteral("big"));
        QVERIFY(AtomicFile::write(big, QByteArray(2048, 'x')).ok());
        QVERIFY(!AtomicFile::read(big, 1024).ok());
        QCOMPARE(AtomicFile::read(big, 2048)->size(), 2048);
    }

    void hashingIsBounded()
    {
        QCOMPARE(ContentHash::ofFile(QStringLiteral("/dev/zero")), QString()); // never reads without end
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QCOMPARE(ContentHash::ofFile(fifo), QString()); // would block forever if opened
        const QString file = dir.filePath(QStringLiteral("f"));
        QVERIFY(AtomicFile::write(file, QByteArray(100, 'a')).ok());
        QCOMPARE(ContentHash::ofFile(file), ContentHash::ofBytes(QByteArray(100, 'a')));
        QCOMPARE(ContentHash::ofFile(file, 99), QString());
    }

    void fullDiskIsNamed()
    {
        // The kernel's own ENOSPC: /dev/full refuses every write.
        QFile full(QStringLiteral("/dev/full"));
        QVERIFY(full.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        errno = 0;
        QCOMPARE(full.write(QByteArray(10, 'x')), qint64(-1));
        const Error e = DiskErrors::writeFailed(full.fileName(), full.errorString(), errno);
        QVERIFY2(e.message.startsWith(QStringLiteral("No space left on /dev")), qPrintable(e.message));
        QVERIFY(!DiskErrors::writeFailed(QStringLiteral("/x/y"), QStringLiteral("Permission denied"))
                     .message.contains(QStringLiteral("space")));
    }

    void atomicWriteOnFullDisk()
    {
        const QString folder = test::fullDiskFolder();
        if (!folder.isEmpty()) { // the child, on a 64 KB tmpfs
            const QString path = QDir(folder).filePath(QStringLiteral("project.json"));
            QVERIFY(AtomicFile::write(QDir(folder).filePath(QStringLiteral("small")), "fits").ok());
            const Status st = AtomicFile::write(path, QByteArray(256 * 1024, 'x'));
            QVERIFY(!st.ok());
            std::printf("MESSAGE: %s\n", qPrintable(st.error().message));
            QVERIFY2(st.error().message.startsWith(QStringLiteral("No space left on ") + folder), qPrintable(st.error().message));
            QVERIFY(!st.error().message.contains(QStringLiteral("canceled")));
            QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{QStringLiteral("small")}); // no temp file left
            return;
        }
        const test::FullDiskRun run = test::runOnFullDisk("atomicWriteOnFullDisk");
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QVERIFY2(run.output.contains(QStringLiteral("MESSAGE: No space left on")), qPrintable(run.output));
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
        Log::init({});                                                             // release the file before the folder goes
    }
};

QTEST_GUILESS_MAIN(TestUtil)
#include "tst_util.moc"
