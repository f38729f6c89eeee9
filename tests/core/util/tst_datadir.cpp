// DataDir: the programs find templates/, config/ and examples/ beside their install location or
// through DIY_DATA_DIR, never through a path of the machine that built them.
#include "util/DataDir.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace diy;

namespace {

/// A prefix laid out like an install: <prefix>/bin and <prefix>/share/diy-studio/{config,templates}.
QString makePrefix(const QString &root)
{
    QDir(root).mkpath(QStringLiteral("bin"));
    QDir(root).mkpath(QStringLiteral("share/diy-studio/config/gateway-check"));
    QDir(root).mkpath(QStringLiteral("share/diy-studio/templates"));
    QFile samples(root + QStringLiteral("/share/diy-studio/config/gateway-check/samples.json"));
    samples.open(QIODevice::WriteOnly);
    samples.write("{}");
    return root + QStringLiteral("/share/diy-studio");
}

class EnvGuard {
public:
    explicit EnvGuard(const QByteArray &value) : m_old(qgetenv(DataDir::kEnvironmentVariable))
    {
        if (value.isNull())
            qunsetenv(DataDir::kEnvironmentVariable);
        else
            qputenv(DataDir::kEnvironmentVariable, value);
    }
    ~EnvGuard()
    {
        if (m_old.isNull())
            qunsetenv(DataDir::kEnvironmentVariable);
        else
            qputenv(DataDir::kEnvironmentVariable, m_old);
    }

private:
    QByteArray m_old;
};

} // namespace

class TestDataDir : public QObject {
    Q_OBJECT
private slots:
    void buildTreeHasTheSameLayoutAsAnInstall()
    {
        EnvGuard env(QByteArray{});
        const auto root = DataDir::root();
        QVERIFY2(root.ok(), qPrintable(root ? QString() : root.error().toString()));
        QCOMPARE(*root, QDir::cleanPath(QStringLiteral(DIY_BUILD_DIR "/share/diy-studio")));
        for (const char *file : {"config/tensorzero.toml", "config/gateway-check/samples.json",
                                 "templates/script_output_schema.json", "examples/paper-airplanes/project.json"}) {
            const auto found = DataDir::find(QString::fromLatin1(file));
            QVERIFY2(found.ok(), file);
            QVERIFY(QFileInfo::exists(*found));
        }
    }

    void installedPrefixIsFoundFromItsBinFolder()
    {
        EnvGuard env(QByteArray{});
        QTemporaryDir dir;
        const QString data = makePrefix(dir.path());
        const auto root = DataDir::root(dir.filePath(QStringLiteral("bin")));
        QVERIFY2(root.ok(), qPrintable(root ? QString() : root.error().toString()));
        QCOMPARE(*root, QDir::cleanPath(data));
        QCOMPARE(*DataDir::find(QStringLiteral("config/gateway-check/samples.json"), dir.filePath(QStringLiteral("bin"))),
                 data + QStringLiteral("/config/gateway-check/samples.json"));
    }

    void searchStopsAFewLevelsUp()
    {
        EnvGuard env(QByteArray{});
        const QStringList tried = DataDir::candidates(QStringLiteral("/a/b/c/d/e/f/bin"));
        QCOMPARE(tried.size(), DataDir::kMaxLevelsUp + 1);
        QCOMPARE(tried.first(), QStringLiteral("/a/b/c/d/e/f/bin/share/diy-studio"));
        QCOMPARE(tried.at(1), QStringLiteral("/a/b/c/d/e/f/share/diy-studio"));
    }

    void nothingFoundSaysWhatToDo()
    {
        EnvGuard env(QByteArray{});
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("x/y/bin"));
        const auto root = DataDir::root(dir.filePath(QStringLiteral("x/y/bin")));
        QVERIFY(!root.ok());
        QVERIFY(root.error().kind == Error::Kind::NotFound);
        QVERIFY(root.error().message.contains(QStringLiteral("DIY_DATA_DIR")));
        QVERIFY(root.error().detail.contains(dir.filePath(QStringLiteral("x/y/bin/share/diy-studio"))));
    }

    void environmentOverrides()
    {
        QTemporaryDir dir;
        const QString data = makePrefix(dir.path());
        EnvGuard env(data.toUtf8());
        // Even from the build tree, the override wins.
        QCOMPARE(*DataDir::root(), QDir::cleanPath(data));
        const auto missing = DataDir::find(QStringLiteral("examples/paper-airplanes/project.json"));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QStringLiteral("examples/paper-airplanes/project.json")));
        QVERIFY(missing.error().message.contains(QStringLiteral("DIY_DATA_DIR")));
    }

    void overrideWithoutDataIsAnErrorNotAFallback()
    {
        QTemporaryDir dir;
        EnvGuard env(dir.path().toUtf8());
        const auto root = DataDir::root();
        QVERIFY(!root.ok());
        QVERIFY(root.error().message.contains(dir.path()));
    }
};

QTEST_GUILESS_MAIN(TestDataDir)
#include "tst_datadir.moc"
