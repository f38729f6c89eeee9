#include "util/AtomicFile.h"

#include "util/DiskErrors.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <unistd.h>

namespace diy {

Status AtomicFile::write(const QString &path, const QByteArray &data)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error::io(QStringLiteral("Cannot create the folder %1.").arg(info.absolutePath()));
    QSaveFile file(path);
    errno = 0;
    if (!file.open(QIODevice::WriteOnly))
        return DiskErrors::writeFailed(path, file.errorString(), errno);
    errno = 0;
    if (file.write(data) != data.size()) {
        // Read the reason before cancelWriting() replaces it with "Writing canceled by application".
        const int err = errno;
        const QString reason = file.errorString();
        file.cancelWriting();
        return DiskErrors::writeFailed(path, reason, err);
    }
    errno = 0;
    if (!file.commit())
        return DiskErrors::writeFailed(path, file.errorString(), errno);
    return {};
}

Status AtomicFile::commit(const QString &temporaryPath, const QString &finalPath)
{
    {
        QFile tmp(temporaryPath);
        if (!tmp.open(QIODevice::ReadWrite))
            return Error::io(QStringLiteral("Cannot open %1: %2").arg(temporaryPath, tmp.errorString()));
        // Data must be on disk before the rename makes it visible under the final name.
        if (::fsync(tmp.handle()) != 0) {
            const int err = errno;
            if (DiskErrors::isDiskFull(err))
                return DiskErrors::noSpace(finalPath);
            return Error::io(QStringLiteral("Cannot flush %1 to disk.").arg(temporaryPath), qt_error_string(err));
        }
    }
    if (std::rename(QFile::encodeName(temporaryPath).constData(), QFile::encodeName(finalPath).constData()) != 0)
        return Error::io(QStringLiteral("Cannot move %1 to %2.").arg(temporaryPath, finalPath));
    return {};
}

Result<QByteArray> AtomicFile::read(const QString &path, qint64 maxBytes)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error::notFound(QStringLiteral("%1 does not exist.").arg(path));
    // Devices, FIFOs and sockets never end (/dev/zero) or block (a FIFO): only regular files.
    if (!info.isFile())
        return Error::invalidInput(QStringLiteral("%1 is not a regular file.").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    auto tooLarge = [&](qint64 size) {
        return Error::invalidInput(QStringLiteral("%1 is too large (%2 MB; the limit is %3 MB).")
                                       .arg(path)
                                       .arg(size / (1024 * 1024))
                                       .arg(maxBytes / (1024 * 1024)));
    };
    if (file.size() > maxBytes)
        return tooLarge(file.size());
    // Bounded even if the file grows while we read it.
    QByteArray bytes = file.read(std::min(file.size(), maxBytes) + 1);
    if (bytes.size() > maxBytes)
        return tooLarge(bytes.size());
    return bytes;
}

} // namespace diy
