// The shared decisions the studio and the CLI both make, each in one place: which gateway, which
// outbox folder, which default voice.
#include "model/Brief.h"
#include "model/DefaultVoice.h"
#include "tensorzero/GatewayAddress.h"
#include "tensorzero/OutboxFolder.h"
#include "tensorzero/TensorZeroClient.h"

#include <nlohmann/json.hpp>

#include <QStandardPaths>
#include <QtTest>

using namespace diy;

namespace {

class EnvGuard {
public:
    EnvGuard(const char *name, const QByteArray &value) : m_name(name), m_old(qgetenv(name))
    {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value);
    }
    ~EnvGuard()
    {
        if (m_old.isNull())
            qunsetenv(m_name);
        else
            qputenv(m_name, m_old);
    }

private:
    const char *m_name;
    QByteArray m_old;
};

} // namespace

class TestResolvers : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("DIY Video Studio"));
        QCoreApplication::setApplicationName(QStringLiteral("diy-studio"));
    }

    void gatewayAddress_data()
    {
        QTest::addColumn<QString>("explicitUrl");
        QTest::addColumn<QByteArray>("environment");
        QTest::addColumn<QString>("configured");
        QTest::addColumn<QString>("expected");
        const QByteArray unset;
        QTest::newRow("nothing: built in") << QString() << unset << QString() << "http://localhost:3000";
        QTest::newRow("settings") << QString() << unset << "http://gw:3000"
                                  << "http://gw:3000";
        QTest::newRow("environment beats settings") << QString() << QByteArray("http://env:1") << "http://gw:3000"
                                                    << "http://env:1";
        QTest::newRow("command line beats all") << "http://cli:2" << QByteArray("http://env:1") << "http://gw:3000"
                                                << "http://cli:2";
        QTest::newRow("empty environment is unset") << QString() << QByteArray("") << "http://gw:3000"
                                                    << "http://gw:3000";
        QTest::newRow("blank values skipped") << "  " << unset << " "
                                              << "http://localhost:3000";
    }
    void gatewayAddress()
    {
        QFETCH(QString, explicitUrl);
        QFETCH(QByteArray, environment);
        QFETCH(QString, configured);
        QFETCH(QString, expected);
        EnvGuard env(GatewayAddress::kEnvironmentVariable, environment);
        QCOMPARE(GatewayAddress::resolve(explicitUrl, configured), QUrl(expected));
        QCOMPARE(GatewayAddress::fromEnvironment(), !environment.isEmpty());
    }

    void clientDefaultsToTheBuiltInAddress() { QCOMPARE(TensorZeroClient::Options().baseUrl, QUrl(GatewayAddress::builtIn())); }

    void outboxFolder()
    {
        {
            EnvGuard env(OutboxFolder::kEnvironmentVariable, QByteArray());
            QCOMPARE(OutboxFolder::resolve(),
                     QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/feedback-outbox"));
            QCOMPARE(OutboxFolder::resolve(QStringLiteral("/x/outbox")), QStringLiteral("/x/outbox"));
        }
        EnvGuard env(OutboxFolder::kEnvironmentVariable, QByteArray("/env/outbox"));
        QCOMPARE(OutboxFolder::resolve(), QStringLiteral("/env/outbox"));
        QCOMPARE(OutboxFolder::resolve(QStringLiteral("/x/outbox")), QStringLiteral("/x/outbox"));
    }

    void defaultVoice_data()
    {
        QTest::addColumn<QString>("configured");
        QTest::addColumn<QString>("expected");
        QTest::newRow("none") << QString() << "en-us";
        QTest::newRow("valid") << "en-gb-scotland"
                               << "en-gb-scotland";
        QTest::newRow("trimmed") << "  de "
                                 << "de";
        QTest::newRow("invalid characters") << "en us; rm"
                                            << "en-us";
        QTest::newRow("too short") << "e"
                                   << "en-us";
    }
    void defaultVoice()
    {
        QFETCH(QString, configured);
        QFETCH(QString, expected);
        QCOMPARE(DefaultVoice::resolve(configured), expected);
    }

    void newBriefsSpeakWithTheDefaultVoice()
    {
        QCOMPARE(Brief().voice, DefaultVoice::builtIn());
        FieldProblems problems;
        QCOMPARE(Brief::fromJson(nlohmann::json::object(), QStringLiteral("/brief"), &problems).voice, DefaultVoice::builtIn());
    }
};

QTEST_GUILESS_MAIN(TestResolvers)
#include "tst_resolvers.moc"
