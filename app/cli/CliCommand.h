#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace diy::cli {

/// Exit codes shared by every subcommand.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,     ///< the work itself failed (render error, gateway verdict "not ready")
    ExitUsage = 2,       ///< bad command line
    ExitBadInput = 3,    ///< the project, brief or file given is invalid
    ExitMissingTool = 4, ///< ffmpeg, ffprobe or espeak-ng missing
    ExitCancelled = 5,   ///< interrupted (SIGINT/SIGTERM)
    ExitUnavailable = 6, ///< a server could not be reached
};

/// A subcommand of diy-studio-cli. Each command's .cpp registers itself with a static
/// CliCommand::Registration, so adding a command never touches main.cpp.
struct CliCommand {
    QString name;
    QString summary;                                 ///< one line for `diy-studio-cli --help`
    QString usage;                                   ///< full usage text for `diy-studio-cli <name> --help`
    std::function<int(const QStringList &args)> run; ///< args exclude the program and command name

    static std::vector<CliCommand> &all();

    struct Registration {
        explicit Registration(CliCommand command);
    };
};

/// Parses a subcommand's arguments (without the program and command name) with `parser`, which
/// the command has filled with its options and positional arguments. On a bad command line it
/// prints one message naming the problem and pointing at `diy-studio-cli <command> --help`, and
/// returns false (the command then exits with ExitUsage).
bool parseCommandLine(QCommandLineParser &parser, const QString &command, const QStringList &args);

/// Helpers for consistent terminal output.
void printOut(const QString &text); ///< stdout, with newline
void printErr(const QString &text); ///< stderr, with newline
bool stdoutIsTerminal();

} // namespace diy::cli
