#include "TestPaths.h"

#include <QDir>

namespace diy::test {

QString sourceDir()
{
    return QString::fromUtf8(DIY_SOURCE_DIR_FOR_TESTS);
}

QString sourcePath(const QString &relative)
{
    return QDir(sourceDir()).filePath(relative);
}

QString cliPath()
{
    return qEnvironmentVariable("DIY_CLI");
}

} // namespace diy::test
