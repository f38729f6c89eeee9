#include "ProviderTestSupport.h"
#include "images/GeminiImageDouble.h"
#include "images/OpenAiImageDouble.h"
#include "providers/ApiKeyStore.h"
#include "providers/GeminiImageGenerator.h"
#include "providers/OpenAiImageGenerator.h"
#include "util/Log.h"

#include <QDirIterator>

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>
#include <spdlog/logger.h>

using namespace diy;
using namespace diy::test;

/// Runs twice under CTest, each run naming its functions: `tst_api_key_store` with the session bus
/// pointed at nothing (the environment path and the "no keyring" message), and
/// `tst_api_key_store_keyring` under run_with_keyring.sh (a private bus with GNOME Keyring: a real
/// Secret Service round trip). The canary test runs in both (environment keys, keychain keys).
class TestApiKeyStore : public QObject {
    Q_OBJECT
private:
    static bool keyringExpected() { return qEnvironmentVariableIsSet("DIY_TEST_KEYRING"); }
    static QString uniqueService()
    {
        return QStringLiteral("diy-studio-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    static Status runPlain(Job *job)
    {
        int count = 0;
        QObject context;
        QObject::connect(job, &Job::finished, &context, [&count] { ++count; });
        job->start();
        if (!QTest::qWaitFor([&] { return count > 0; }, 60'000))
            return Error::internal(QStringLiteral("the job never finished"));
        return job->status();
    }

private slots:
    void init()
    {
        qunsetenv("GEMINI_API_KEY");
        qunsetenv("OPENAI_API_KEY");
    }

    void environmentWins()
    {
        qputenv("OPENAI_API_KEY", "  sk-from-environment-1234  ");
        ApiKeyStore store(uniqueService());
        ValueJob<ApiKey> *job = store.read(QStringLiteral("OPENAI_API_KEY"), this);
        const auto key = runJob(job);
        QVERIFY(key);
        QCOMPARE(key->value, QStringLiteral("sk-from-environment-1234")); // trimmed
        QCOMPARE(int(key->source), int(ApiKey::Source::Environment));
        QCOMPARE(Log::redact(QStringLiteral("key sk-from-environment-1234 here")), QStringLiteral("key *** here"));
        delete job;
    }

    void blankEnvironmentIsNoKey()
    {
        qputenv("GEMINI_API_KEY", "   ");
        QVERIFY(!ApiKeyStore::fromEnvironment(QStringLiteral("GEMINI_API_KEY")));
    }

    void noKeyringIsAClearMessage()
    {
        QVERIFY2(qgetenv("DBUS_SESSION_BUS_ADDRESS").contains("nonexistent"), "CTest points the session bus at nothing");
        ApiKeyStore store(uniqueService());
        ValueJob<ApiKey> *read = store.read(QStringLiteral("GEMINI_API_KEY"), this);
        const auto key = runJob(read);
        QVERIFY(!key);
        QCOMPARE(toString(key.error().kind), toString(Error::Kind::Auth));
        QVERIFY2(key.error().message.contains(QStringLiteral("keyring")), qPrintable(key.error().message));
        QVERIFY2(key.error().message.contains(QStringLiteral("GEMINI_API_KEY")), qPrintable(key.error().message));
        delete read;

        Job *write = store.store(QStringLiteral("GEMINI_API_KEY"), QStringLiteral("never-stored-1234"), this);
        const Status stored = runPlain(write);
        QVERIFY(!stored);
        QVERIFY2(stored.error().message.contains(QStringLiteral("keyring")), qPrintable(stored.error().message));
        delete write;
    }

    void keychainRoundTrip()
    {
        QVERIFY2(keyringExpected(), "run this function under run_with_keyring.sh (tst_api_key_store_keyring)");
        ApiKeyStore store(uniqueService());
        QSignalSpy changed(&store, &ApiKeyStore::keyChanged);

        ValueJob<ApiKey> *missing = store.read(QStringLiteral("GEMINI_API_KEY"), this);
        const auto none = runJob(missing);
        QVERIFY(!none);
        QVERIFY2(none.error().message.contains(QStringLiteral("No API key")), qPrintable(none.error().message));
        delete missing;

        Job *write = store.store(QStringLiteral("GEMINI_API_KEY"), QStringLiteral("AIza-keychain-value-42"), this);
        const Status stored = runPlain(write);
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().toString()));
        QCOMPARE(changed.count(), 1);
        delete write;

        // A second store object has no cache: the value comes from the keyring itself.
        ApiKeyStore fresh(store.service());
        ValueJob<ApiKey> *read = fresh.read(QStringLiteral("GEMINI_API_KEY"), this);
        const auto key = runJob(read);
        QVERIFY2(key, qPrintable(key ? QString() : key.error().toString()));
        QCOMPARE(key->value, QStringLiteral("AIza-keychain-value-42"));
        QCOMPARE(int(key->source), int(ApiKey::Source::Keychain));
        delete read;

        // The environment still wins over the keychain.
        qputenv("GEMINI_API_KEY", "AIza-environment");
        ValueJob<ApiKey> *env = fresh.read(QStringLiteral("GEMINI_API_KEY"), this);
        QCOMPARE(runJob(env)->value, QStringLiteral("AIza-environment"));
        qunsetenv("GEMINI_API_KEY");
        delete env;

        Job *remove = fresh.remove(QStringLiteral("GEMINI_API_KEY"), this);
        QVERIFY(runPlain(remove));
        delete remove;
        ApiKeyStore after(store.service());
        ValueJob<ApiKey> *gone = after.read(QStringLiteral("GEMINI_API_KEY"), this);
        QVERIFY(!runJob(gone));
        delete gone;
    }

    void canaryKeyNeverReachesLogsOrFiles()
    {
        QTemporaryDir logDir;
        QTemporaryDir project;
        Log::Options options;
        options.directory = logDir.path();
        options.verbose = true;
        Log::init(options);

        const QString canary = QStringLiteral("canary-") + QUuid::createUuid().toString(QUuid::Id128);
        QNetworkAccessManager network;
        ApiKeyStore store(uniqueService());
        GeminiImageDouble gemini;
        OpenAiImageDouble openai;
        QVERIFY(gemini.listen() && openai.listen());
        gemini.setApiKey(canary);
        openai.setApiKey(canary);
        qputenv("GEMINI_API_KEY", canary.toUtf8());

        if (keyringExpected()) {
            // The OpenAI key goes through the keychain, the way the settings page stores it.
            Job *write = store.store(QStringLiteral("OPENAI_API_KEY"), canary, this);
            QVERIFY(runPlain(write));
            delete write;
        } else {
            qputenv("OPENAI_API_KEY", canary.toUtf8());
        }

        GeminiImageGenerator::Options go;
        go.baseUrl = gemini.url();
        go.retry = fastRetry();
        GeminiImageGenerator g(&network, &store, go);
        OpenAiImageGenerator::Options oo;
        oo.baseUrl = openai.url();
        oo.retry = fastRetry();
        OpenAiImageGenerator o(&network, &store, oo);

        const QString images = project.filePath(QStringLiteral("assets/images"));
        gemini.injectFault({ImageApiDouble::Fault::Kind::RateLimited, 0, QStringLiteral("0.05s"), {}}); // a retry is logged
        ValueJob<GeneratedImage> *a = g.generate(pictureSpec(images), this);
        const auto first = runJob(a);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
        ValueJob<GeneratedImage> *b = o.generate(pictureSpec(images), this);
        QVERIFY(runJob(b));
        ValueJob<QString> *check = o.testAccess(QString(), this);
        QVERIFY(runJob(check));
        // A refused key makes the server echo (part of) it back; the error is logged too.
        openai.setApiKey(QStringLiteral("another"));
        ValueJob<GeneratedImage> *c =
            o.generate(pictureSpec(images, VideoFormat::Kind::Square, QStringLiteral("Another scene")), this);
        const auto refused = runJob(c);
        QVERIFY(!refused);
        logError(refused.error().toString());
        logInfo(QStringLiteral("the key was %1").arg(canary)); // even a careless line is redacted
        delete a;
        delete b;
        delete c;
        delete check;
        Log::logger()->flush();

        QFile log(QDir(logDir.path()).filePath(QStringLiteral("diy_video_production.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray text = log.readAll();
        QVERIFY2(text.contains("drew Step 2"), text.constData()); // the log really has the run in it
        QVERIFY2(text.contains("trying again"), text.constData());
        QVERIFY(!text.contains(canary.toUtf8()));
        for (const QString &line : Log::recentLines())
            QVERIFY(!line.contains(canary));

        QDirIterator files(project.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int count = 0;
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(canary.toUtf8()), qPrintable(f.fileName()));
            ++count;
        }
        QCOMPARE(count, 4); // the two pictures and their receipts
        qunsetenv("GEMINI_API_KEY");
        qunsetenv("OPENAI_API_KEY");
    }
};

QTEST_GUILESS_MAIN(TestApiKeyStore)
#include "tst_api_key_store.moc"
