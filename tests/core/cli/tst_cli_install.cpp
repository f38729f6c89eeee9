// diy-studio-cli installed elsewhere finds its data beside itself (<prefix>/share/diy-studio) or
// through DIY_DATA_DIR, and says so clearly when neither has it: no build-machine path is baked in.
#include "TestPaths.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run {
    int exitCode = -1;
    QString output;
};

Run runCli(const QString &program, const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())};
}

bool copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    for (const QFileInfo &e : QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + QLatin1Char('/') + e.fileName();
        if (e.isDir() ? !copyTree(e.filePath(), target) : !QFile::copy(e.filePath(), target))
            return false;
    }
    return true;
}

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DIY_DATA_DIR"));
    env.remove(QStringLiteral("DIY_TENSORZERO_URL"));
    return env;
}

// Nothing listens on port 1: the check gets as far as the network only when it found its samples.
const QStringList kCheck{QStringLiteral("gateway-check"), QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:1"),
                         QStringLiteral("--timeout-ms"), QStringLiteral("2000")};

} // namespace

class TestCliInstall : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(QFileInfo(diy::test::cliPath()).isExecutable(), "DIY_CLI must point at diy-studio-cli"); }

    void findsItsDataBesideTheProgram()
    {
        QTemporaryDir prefix;
        QVERIFY(QDir(prefix.path()).mkpath(QStringLiteral("bin")));
        const QString program = prefix.filePath(QStringLiteral("bin/diy-studio-cli"));
        QVERIFY(QFile::copy(diy::test::cliPath(), program));

        // Not installed: a clear message and exit 3, not a silent fallback to the source tree.
        Run r = runCli(program, kCheck, cleanEnvironment());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.output.contains(QStringLiteral("share/diy-studio")) && r.output.contains(QStringLiteral("DIY_DATA_DIR")),
                 qPrintable(r.output));

        // Installed the way CMake's install() lays it out.
        QVERIFY(copyTree(diy::test::sourcePath(QStringLiteral("config")),
                         prefix.filePath(QStringLiteral("share/diy-studio/config"))));
        QVERIFY(copyTree(diy::test::sourcePath(QStringLiteral("templates")),
                         prefix.filePath(QStringLiteral("share/diy-studio/templates"))));
        r = runCli(program, kCheck, cleanEnvironment());
        QCOMPARE(r.exitCode, 6); // samples found; the gateway is unreachable
        QVERIFY2(r.output.contains(QStringLiteral("cannot be reached")), qPrintable(r.output));
    }

    void environmentPointsElsewhere()
    {
        QTemporaryDir prefix;
        QVERIFY(QDir(prefix.path()).mkpath(QStringLiteral("bin")));
        const QString program = prefix.filePath(QStringLiteral("bin/diy-studio-cli"));
        QVERIFY(QFile::copy(diy::test::cliPath(), program));
        QTemporaryDir data;
        QVERIFY(copyTree(diy::test::sourcePath(QStringLiteral("config")), data.filePath(QStringLiteral("config"))));
        QVERIFY(copyTree(diy::test::sourcePath(QStringLiteral("templates")), data.filePath(QStringLiteral("templates"))));
        QProcessEnvironment env = cleanEnvironment();
        env.insert(QStringLiteral("DIY_DATA_DIR"), data.path());
        QCOMPARE(runCli(program, kCheck, env).exitCode, 6);
        env.insert(QStringLiteral("DIY_DATA_DIR"), prefix.filePath(QStringLiteral("nowhere")));
        const Run r = runCli(program, kCheck, env);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.output.contains(QStringLiteral("nowhere")), qPrintable(r.output));
    }
};

QTEST_GUILESS_MAIN(TestCliInstall)
#include "tst_cli_install.moc"
