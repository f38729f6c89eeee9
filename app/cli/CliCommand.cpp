#include "CliCommand.h"

#include <cstdio>
#include <unistd.h>

namespace diy::cli {

std::vector<CliCommand> &CliCommand::all()
{
    static std::vector<CliCommand> commands;
    return commands;
}

CliCommand::Registration::Registration(CliCommand command)
{
    all().push_back(std::move(command));
}

void printOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString &text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

bool stdoutIsTerminal()
{
    return ::isatty(STDOUT_FILENO) == 1 && qEnvironmentVariable("TERM") != QStringLiteral("dumb");
}

} // namespace diy::cli
