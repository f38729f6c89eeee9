// diy-studio-cli: render projects and talk to the gateway without a window.
#include "CliCommand.h"

#include "util/Log.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>

#include <algorithm>
#include <csignal>

using namespace diy;
using namespace diy::cli;

namespace {

void printHelp()
{
    printOut(QStringLiteral("DIY Video Studio command line %1\n").arg(QStringLiteral(DIY_VERSION)));
    printOut(QStringLiteral("Usage: diy-studio-cli <command> [options]\n\nCommands:"));
    auto commands = CliCommand::all();
    std::sort(commands.begin(), commands.end(), [](const CliCommand &a, const CliCommand &b) { return a.name < b.name; });
    for (const CliCommand &c : commands)
        printOut(QStringLiteral("  %1%2").arg(c.name.leftJustified(16), c.summary));
    printOut(QStringLiteral("\nRun 'diy-studio-cli <command> --help' for a command's options."));
}

} // namespace

int main(int argc, char *argv[])
{
    // Cards are painted with QPainter, which needs a QGuiApplication; the CLI never opens a window.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("DIY Video Studio"));
    QCoreApplication::setApplicationName(QStringLiteral("diy-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DIY_VERSION));

    // --verbose is accepted anywhere, before or after the command.
    QStringList all = QCoreApplication::arguments();
    const bool verbose = all.removeAll(QStringLiteral("--verbose")) > 0;
    Log::init({Log::defaultDirectory(), true, verbose});

    // Global options come before the command; everything after it belongs to the command.
    QCommandLineParser parser;
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption versionOption(QStringLiteral("version"));
    parser.addOptions({helpOption, versionOption});
    parser.addPositionalArgument(QStringLiteral("command"), QString());
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!parser.parse(all)) {
        const QStringList unknown = parser.unknownOptionNames();
        printErr(unknown.isEmpty()
                     ? parser.errorText()
                     : QStringLiteral("Unknown option %1%2.")
                           .arg(unknown.first().size() == 1 ? QStringLiteral("-") : QStringLiteral("--"), unknown.first()));
        printHelp();
        return ExitUsage;
    }
    QStringList args = parser.positionalArguments();
    if (parser.isSet(helpOption)) {
        printHelp();
        return ExitOk;
    }
    if (parser.isSet(versionOption)) {
        printOut(QStringLiteral("diy-studio-cli %1").arg(QStringLiteral(DIY_VERSION)));
        return ExitOk;
    }
    if (args.isEmpty()) {
        printHelp();
        return ExitUsage;
    }
    const QString name = args.takeFirst();
    for (const CliCommand &command : CliCommand::all()) {
        if (command.name == name) {
            if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
                printOut(command.usage);
                return ExitOk;
            }
            return command.run(args);
        }
    }
    printErr(QStringLiteral("Unknown command '%1'.").arg(name));
    printHelp();
    return ExitUsage;
}
