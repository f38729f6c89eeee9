#include "tensorzero/OutboxFolder.h"

#include <QDir>
#include <QStandardPaths>

namespace diy {

QString OutboxFolder::resolve(const QString &explicitFolder)
{
    if (!explicitFolder.isEmpty())
        return explicitFolder;
    const QString fromEnv = qEnvironmentVariable(kEnvironmentVariable);
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("feedback-outbox"));
}

} // namespace diy
