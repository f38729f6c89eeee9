#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace spdlog {
class logger;
}

namespace diy {

/// Logging set-up: a rotating file `diy_video_production.log` in the app's data folder, an optional
/// console sink (CLI), and a ring buffer the studio's log view reads. Every sink goes through a
/// redaction step: auth headers, bearer tokens, API-key parameters and every registered secret
/// are replaced by "***" before anything is written.
class Log {
public:
    struct Options {
        QString directory;    ///< where diy_video_production.log goes; empty: no file
        bool console = false; ///< stderr sink (CLI)
        bool verbose = false; ///< debug level instead of info
        std::size_t ringBufferLines = 2000;
    };

    static void init(const Options &options);
    static std::shared_ptr<spdlog::logger> logger();
    /// The last lines kept for the studio's log view, oldest first, already formatted and redacted.
    static QStringList recentLines(std::size_t limit = 2000);
    /// A key or token that must never appear in a log line.
    static void registerSecret(const QString &secret);
    /// The redaction applied to every line (exposed for tests).
    static QString redact(const QString &line);
    /// Default folder for the log file (QStandardPaths::AppLocalDataLocation).
    static QString defaultDirectory();
};

void logInfo(const QString &message);
void logWarning(const QString &message);
void logError(const QString &message);
void logDebug(const QString &message);

} // namespace diy
