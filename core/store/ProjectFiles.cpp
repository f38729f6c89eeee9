#include "store/ProjectFiles.h"

#include <QDir>
#include <QFileInfo>

namespace diy {

QString ProjectFiles::pathProblem(const QString &relative)
{
    if (relative.isEmpty())
        return QStringLiteral("is empty");
    for (const QChar c : relative) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return QStringLiteral("contains a control character (U+%1)").arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    if (relative.startsWith(QLatin1Char('/')) || relative.contains(QLatin1Char('\\'))
        || (relative.size() > 1 && relative.at(1) == QLatin1Char(':')))
        return QStringLiteral("must be a path inside the project folder, not \"%1\"").arg(relative);
    const QStringList parts = relative.split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (part == QStringLiteral(".."))
            return QStringLiteral("must be a path inside the project folder, not \"%1\"").arg(relative);
    }
    return {};
}

Result<QString> ProjectFiles::resolve(const QString &projectDir, const QString &relative, qint64 maxBytes)
{
    if (const QString problem = pathProblem(relative); !problem.isEmpty())
        return Error::invalidInput(QStringLiteral("The file \"%1\" %2.").arg(relative, problem));
    const QString root = QFileInfo(projectDir).canonicalFilePath();
    if (root.isEmpty())
        return Error::notFound(QStringLiteral("The project folder %1 does not exist.").arg(projectDir));
    const QFileInfo info(QDir(projectDir).filePath(relative));
    if (!info.exists())
        return Error::notFound(QStringLiteral("%1 is missing from the project folder.").arg(relative));
    const QString canonical = info.canonicalFilePath();
    if (canonical.isEmpty() || !canonical.startsWith(root + QLatin1Char('/')))
        return Error::invalidInput(QStringLiteral("%1 leads outside the project folder (a link?); copy the file into the "
                                                  "project instead.")
                                       .arg(relative));
    const QFileInfo target(canonical);
    if (!target.isFile())
        return Error::invalidInput(QStringLiteral("%1 is not a regular file.").arg(relative));
    if (target.size() > maxBytes)
        return Error::invalidInput(QStringLiteral("%1 is too large (%2 MB; at most %3 MB).")
                                       .arg(relative)
                                       .arg(target.size() / (1024 * 1024))
                                       .arg(maxBytes / (1024 * 1024)));
    return canonical;
}

} // namespace diy
