#include "util/DiskErrors.h"

#include <QFileInfo>

#include <cerrno>

namespace diy {

bool DiskErrors::isDiskFull(int errnoValue, const QString &reason)
{
    if (errnoValue == ENOSPC || errnoValue == EDQUOT)
        return true;
    if (reason.isEmpty())
        return false;
    return reason.contains(qt_error_string(ENOSPC), Qt::CaseInsensitive)
           || reason.contains(qt_error_string(EDQUOT), Qt::CaseInsensitive)
           || reason.contains(QStringLiteral("No space left on device"), Qt::CaseInsensitive);
}

Error DiskErrors::noSpace(const QString &path, const QString &detail)
{
    const QFileInfo info(path);
    QString folder = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    // A job's hidden work folder (".scene.wav.partial-<pid>-<n>.d") means nothing to the creator:
    // name the folder it lives in.
    while (QFileInfo(folder).fileName().contains(QStringLiteral(".partial-")))
        folder = QFileInfo(folder).absolutePath();
    Error e = Error::io(QStringLiteral("No space left on %1. Free some disk space and try again; nothing already "
                                       "made was lost.")
                            .arg(folder),
                        detail.isEmpty() ? QStringLiteral("writing %1: %2").arg(path, qt_error_string(ENOSPC)) : detail);
    e.retryable = true;
    return e;
}

Error DiskErrors::writeFailed(const QString &path, const QString &reason, int errnoValue)
{
    if (isDiskFull(errnoValue, reason)) {
        // The system's own words when it told us (QSaveFile's reason can be "Unknown error").
        const bool fromErrno = errnoValue == ENOSPC || errnoValue == EDQUOT;
        return noSpace(
            path, QStringLiteral("writing %1: %2").arg(path, fromErrno || reason.isEmpty() ? qt_error_string(errnoValue) : reason));
    }
    return Error::io(QStringLiteral("Cannot write %1: %2").arg(path, reason.isEmpty() ? qt_error_string(errnoValue) : reason));
}

} // namespace diy
