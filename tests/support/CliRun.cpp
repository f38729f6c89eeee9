#include "CliRun.h"

#include "TestPaths.h"

#include <QProcess>

namespace diy::test {

CliRun CliRun::run(const QStringList &args, const QProcessEnvironment &env, int hangMs)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(cliPath(), args);
    if (!p.waitForFinished(hangMs)) {
        p.kill();
        p.waitForFinished();
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace diy::test
