#pragma once

#include "util/Result.h"

#include <QString>

namespace diy {

/// The one rule for every path a project file names (scene images, brief.musicFile, the last
/// render and its report, anything added later): it is relative, stays inside the project folder
/// (after following symlinks), names a regular file (not a device, FIFO or folder) and is no
/// larger than a bound. Everything that reads or hashes such a path resolves it here first.
class ProjectFiles {
public:
    static constexpr qint64 kMaxImageBytes = 64LL * 1024 * 1024;
    static constexpr qint64 kMaxMusicBytes = 256LL * 1024 * 1024;
    static constexpr qint64 kMaxReportBytes = 4LL * 1024 * 1024;

    /// Why `relative` can never name a file inside the project ("must be relative…"), or empty.
    /// The check that needs no disk; project loading reports it with the field's JSON path.
    static QString pathProblem(const QString &relative);
    /// The canonical absolute path of `relative` inside `projectDir` when the whole rule holds;
    /// otherwise an error whose message names the path and what is wrong with it.
    static Result<QString> resolve(const QString &projectDir, const QString &relative, qint64 maxBytes);
};

} // namespace diy
