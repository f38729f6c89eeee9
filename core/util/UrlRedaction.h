#pragma once

#include <QString>
#include <QUrl>

namespace diy {

/// The one helper for every URL we print, log or put into an error: user info
/// (`user:password@`) is replaced by `***@`, so a password in a gateway address never reaches a
/// terminal, a log file or the studio. Log::redact() applies text() to every log line.
class UrlRedaction {
public:
    /// The URL as text with its user info (if any) replaced by "***".
    static QString display(const QUrl &url);
    /// Redacts every `scheme://user[:password]@` found in free text (error strings, log lines).
    static QString text(const QString &line);
};

} // namespace diy
