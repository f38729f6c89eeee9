#pragma once

#include <QString>

namespace diy {

/// An error as a value: what the user is told, what a developer needs, and whether trying again can help.
struct Error {
    enum class Kind {
        InvalidInput, ///< the user's input or a file is wrong; fix it and try again
        NotFound,     ///< a file, id or route does not exist
        MissingTool,  ///< an external program (ffmpeg, espeak-ng…) is not installed
        Network,      ///< connection refused, dropped, DNS, TLS
        Timeout,      ///< no answer in time
        RateLimited,  ///< 429
        Server,       ///< 5xx or a malformed answer
        Auth,         ///< 401/403
        Cancelled,    ///< the user cancelled
        Io,           ///< disk full, permission denied
        Process,      ///< an external program failed
        Internal,     ///< a bug
        Blocked,      ///< a provider refused the content (safety filters); change the input
    };

    Kind kind = Kind::Internal;
    QString message; ///< one sentence for the user, naming the problem and what to do
    QString detail;  ///< technical detail for the log view
    bool retryable = false;

    static Error invalidInput(const QString &message, const QString &detail = {});
    static Error notFound(const QString &message, const QString &detail = {});
    static Error missingTool(const QString &program, const QString &debianPackage);
    static Error io(const QString &message, const QString &detail = {});
    static Error process(const QString &message, const QString &detail = {});
    static Error cancelled();
    static Error internal(const QString &message, const QString &detail = {});

    bool isCancelled() const { return kind == Kind::Cancelled; }
    bool isBlocked() const { return kind == Kind::Blocked; }
    /// message plus detail, for logs
    QString toString() const;
};

QString toString(Error::Kind kind);

} // namespace diy
