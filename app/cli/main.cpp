// diy-studio-cli: render projects and talk to the gateway without a window.
#include "CliCommand.h"

#include "util/Log.h"

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
    std::sort(commands.begin(), commands.end(),
              [](const CliCommand &a, const CliCommand &b) { return a.name < b.name; });
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

    QStringList args = QCoreApplication::arguments().mid(1);
    const bool verbose = args.removeAll(QStringLiteral("--verbose")) > 0;
    Log::init({Log::defaultDirectory(), true, verbose});

    if (args.isEmpty() || args.first() == QStringLiteral("--help") || args.first() == QStringLiteral("-h")) {
        printHelp();
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.first() == QStringLiteral("--version")) {
        printOut(QStringLiteral("diy-studio-cli %1").arg(QStringLiteral(DIY_VERSION)));
        return ExitOk;
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
