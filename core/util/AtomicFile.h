#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>

namespace diy {

/// Writes whole files atomically: the data goes to a temporary file in the same folder, is flushed
/// and fsynced, then renamed over the target. A crash at any moment leaves either the old or the new file.
class AtomicFile {
public:
    static Status write(const QString &path, const QByteArray &data);
    /// Atomically moves a finished temporary file onto its final path (same file system).
    static Status commit(const QString &temporaryPath, const QString &finalPath);
    static Result<QByteArray> read(const QString &path, qint64 maxBytes = 64 * 1024 * 1024);
};

} // namespace diy
