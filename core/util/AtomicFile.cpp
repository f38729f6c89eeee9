#include "util/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cstdio>
#include <unistd.h>

namespace diy {

Status AtomicFile::write(const QString &path, const QByteArray &data)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error::io(QStringLiteral("Cannot create the folder %1.").arg(info.absolutePath()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::io(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    if (file.write(data) != data.size()) {
        file.cancelWriting();
        return Error::io(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    }
    if (!file.commit())
        return Error::io(QStringLiteral("Cannot save %1: %2").arg(path, file.errorString()));
    return {};
}

Status AtomicFile::commit(const QString &temporaryPath, const QString &finalPath)
{
    {
        QFile tmp(temporaryPath);
        if (!tmp.open(QIODevice::ReadWrite))
            return Error::io(QStringLiteral("Cannot open %1: %2").arg(temporaryPath, tmp.errorString()));
        // Data must be on disk before the rename makes it visible under the final name.
        if (::fsync(tmp.handle()) != 0)
            return Error::io(QStringLiteral("Cannot flush %1 to disk.").arg(temporaryPath));
    }
    if (std::rename(QFile::encodeName(temporaryPath).constData(), QFile::encodeName(finalPath).constData()) != 0)
        return Error::io(QStringLiteral("Cannot move %1 to %2.").arg(temporaryPath, finalPath));
    return {};
}

Result<QByteArray> AtomicFile::read(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.exists())
        return Error::notFound(QStringLiteral("%1 does not exist.").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > maxBytes)
        return Error::invalidInput(
            QStringLiteral("%1 is too large (%2 MB; the limit is %3 MB).")
                .arg(path)
                .arg(file.size() / (1024 * 1024))
                .arg(maxBytes / (1024 * 1024)));
    return file.readAll();
}

} // namespace diy
