#include "FullDisk.h"

#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

namespace diy::test {

QString fullDiskFolder()
{
    return qEnvironmentVariable("DIY_FULL_DISK_DIR");
}

FullDiskRun runOnFullDisk(const char *testFunction, int sizeKb)
{
    FullDiskRun run;
    QTemporaryDir mountPoint;
    if (!mountPoint.isValid())
        return run;
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DIY_FULL_DISK_DIR"), mountPoint.path());
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QStringLiteral("unshare"),
                {QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c"),
                 QStringLiteral("mount -t tmpfs -o size=%1k tmpfs \"$1\" && exec \"$2\" \"$3\"").arg(sizeKb), QStringLiteral("sh"),
                 mountPoint.path(), QCoreApplication::applicationFilePath(), QString::fromLatin1(testFunction)});
    if (!child.waitForStarted(30000) || !child.waitForFinished(120000)) {
        run.output = child.errorString();
        return run;
    }
    run.exitCode = child.exitStatus() == QProcess::NormalExit ? child.exitCode() : -1;
    run.output = QString::fromLocal8Bit(child.readAll());
    return run;
}

} // namespace diy::test
