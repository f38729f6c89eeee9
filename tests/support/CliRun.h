#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace diy::test {

/// One run of diy-studio-cli as a user runs it: exit code (-1 when it crashed or hung), stdout, stderr.
struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;

    /// Runs the CLI and waits for it; a run still going after `hangMs` is killed (a hang, not a goal).
    static CliRun run(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                      int hangMs = 600000);
};

} // namespace diy::test
