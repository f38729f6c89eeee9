#include "util/DataDir.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace diy {

namespace {

const QString kShareSuffix = QStringLiteral("share/diy-studio");

bool looksLikeDataDir(const QString &dir)
{
    // Both halves of what is installed: the gateway's config and its templates.
    return QFileInfo(dir + QStringLiteral("/config")).isDir() && QFileInfo(dir + QStringLiteral("/templates")).isDir();
}

} // namespace

QStringList DataDir::candidates(const QString &applicationDir)
{
    const QString fromEnv = qEnvironmentVariable(kEnvironmentVariable);
    if (!fromEnv.isEmpty())
        return {QDir::cleanPath(QDir(fromEnv).absolutePath())};
    QString start = applicationDir;
    if (start.isEmpty() && QCoreApplication::instance())
        start = QCoreApplication::applicationDirPath();
    if (start.isEmpty())
        return {};
    QStringList out;
    QString dir = QDir::cleanPath(QDir(start).absolutePath());
    for (int level = 0; level <= kMaxLevelsUp; ++level) {
        out.append(QDir::cleanPath(dir + QLatin1Char('/') + kShareSuffix));
        const QString parent = QDir::cleanPath(dir + QStringLiteral("/.."));
        if (parent == dir)
            break; // the root
        dir = parent;
    }
    return out;
}

Result<QString> DataDir::root(const QString &applicationDir)
{
    const QStringList tried = candidates(applicationDir);
    for (const QString &dir : tried)
        if (looksLikeDataDir(dir))
            return dir;
    if (!qEnvironmentVariableIsEmpty(kEnvironmentVariable))
        return Error::notFound(QStringLiteral("%1=%2 does not hold DIY Video Studio's data (config/ and templates/).")
                                   .arg(QString::fromLatin1(kEnvironmentVariable), qEnvironmentVariable(kEnvironmentVariable)),
                               tried.join(QStringLiteral(", ")));
    return Error::notFound(QStringLiteral("DIY Video Studio's data folder (share/diy-studio) was not found beside the program. "
                                          "Reinstall it, or point %1 at the folder.")
                               .arg(QString::fromLatin1(kEnvironmentVariable)),
                           QStringLiteral("looked in: ") + tried.join(QStringLiteral(", ")));
}

Result<QString> DataDir::find(const QString &relative, const QString &applicationDir)
{
    const Result<QString> base = root(applicationDir);
    if (!base)
        return base.error();
    const QString path = QDir::cleanPath(*base + QLatin1Char('/') + relative);
    if (!QFileInfo::exists(path))
        return Error::notFound(
            QStringLiteral("%1 is missing from %2. Reinstall DIY Video Studio, or point %3 at a complete copy.")
                .arg(relative, *base, QString::fromLatin1(kEnvironmentVariable)));
    return path;
}

} // namespace diy
