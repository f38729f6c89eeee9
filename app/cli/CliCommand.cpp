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

bool parseCommandLine(QCommandLineParser &parser, const QString &command, const QStringList &args)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    if (parser.parse(QStringList{QStringLiteral("diy-studio-cli")} + args))
        return true;
    const QString help = QStringLiteral("See 'diy-studio-cli %1 --help'.").arg(command);
    const QStringList unknown = parser.unknownOptionNames();
    if (!unknown.isEmpty()) {
        const QString &name = unknown.first();
        printErr(
            QStringLiteral("Unknown option %1%2. %3").arg(name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--"), name, help));
    } else {
        printErr(QStringLiteral("%1 %2").arg(parser.errorText(), help));
    }
    return false;
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
