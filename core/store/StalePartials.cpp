#include "store/StalePartials.h"

#include "store/ProjectStore.h"
#include "util/Log.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <limits>
#include <sys/types.h>

namespace diy {

qint64 StalePartials::ownerPid(const QString &fileName)
{
    // ProcessJob::temporaryPathFor: "." + name + ".partial-<pid>-<n>", plus ".ffconcat", ".d", …
    static const QRegularExpression pattern(QStringLiteral("^\\..+\\.partial-(\\d{1,10})-\\d{1,10}(\\..*)?$"));
    const QRegularExpressionMatch m = pattern.match(fileName);
    if (!m.hasMatch())
        return 0;
    return m.captured(1).toLongLong();
}

bool StalePartials::isProcessAlive(qint64 pid)
{
    if (pid <= 0 || pid > std::numeric_limits<pid_t>::max())
        return false;
    if (pid == QCoreApplication::applicationPid())
        return true;
    // Signal 0 checks existence; EPERM means it exists but belongs to someone else.
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

QStringList StalePartials::sweep(const QString &projectDir)
{
    QStringList removed;
    for (const QString &root : {ProjectStore::cacheDir(projectDir), ProjectStore::rendersDir(projectDir)}) {
        if (!QFileInfo(root).isDir())
            continue;
        QStringList stale;
        QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const qint64 pid = ownerPid(it.fileName());
            if (pid == 0 || isProcessAlive(pid))
                continue;
            // Skip what lies inside a partial folder already listed: the folder goes as a whole.
            if (std::any_of(stale.cbegin(), stale.cend(), [&](const QString &s) { return path.startsWith(s + QLatin1Char('/')); }))
                continue;
            stale.append(path);
        }
        for (const QString &path : std::as_const(stale)) {
            const QFileInfo info(path);
            const bool ok = info.isDir() && !info.isSymLink() ? QDir(path).removeRecursively() : QFile::remove(path);
            if (ok)
                removed.append(path);
            else
                logWarning(QStringLiteral("Cannot remove the stale work file %1").arg(path));
        }
    }
    if (!removed.isEmpty())
        logInfo(QStringLiteral("Removed %1 work file(s) left by killed renders in %2").arg(removed.size()).arg(projectDir));
    return removed;
}

} // namespace diy
