#pragma once

#include "util/Error.h"

#include <QString>

namespace diy {

/// Turns a failed write into a message that names the cause. A full disk (ENOSPC, or a quota:
/// EDQUOT) always reads "No space left on <folder>" — never Qt's "Writing canceled by
/// application" nor an encoder's exit code — so the creator knows what to free.
class DiskErrors {
public:
    /// True for errno ENOSPC/EDQUOT, or when `reason` is the system's text for them (Qt's
    /// QFileDevice::errorString(), or a program's stderr such as ffmpeg's).
    static bool isDiskFull(int errnoValue, const QString &reason = {});
    /// "No space left on <folder of path>: …" (an Io error).
    static Error noSpace(const QString &path, const QString &detail = {});
    /// The error for a failed write of `path`: noSpace() when the disk is full, otherwise
    /// "Cannot write <path>: <reason>".
    static Error writeFailed(const QString &path, const QString &reason, int errnoValue = 0);
};

} // namespace diy
