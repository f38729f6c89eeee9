#include "ExampleProject.h"

#include "TestPaths.h"
#include "store/ProjectStore.h"

#include <QDir>
#include <QFile>
#include <QtTest>

namespace diy::test {

Project exampleProject()
{
    auto project = ProjectStore::load(sourcePath(QStringLiteral("resources/examples/paper-airplanes")));
    if (!project)
        qFatal("example project does not load: %s", qPrintable(project.error().toString()));
    return *project;
}

QString copyExampleTo(const QString &targetDir)
{
    const QString source = sourcePath(QStringLiteral("resources/examples/paper-airplanes"));
    QDir().mkpath(targetDir + QStringLiteral("/assets"));
    QFile::copy(source + QStringLiteral("/project.json"), targetDir + QStringLiteral("/project.json"));
    QFile(targetDir + QStringLiteral("/project.json"))
        .setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
    return targetDir;
}

Script minimalScript(int steps)
{
    Script s;
    s.title = QStringLiteral("A tiny test tutorial");
    s.intro = {QStringLiteral("Welcome! Today we make something small and quick."), QStringLiteral("a small craft on a table")};
    s.materials = {{QStringLiteral("Paper"), QStringLiteral("a sheet of paper on a desk")},
                   {QStringLiteral("Scissors"), QStringLiteral("a pair of safety scissors")},
                   {QStringLiteral("Glue"), QStringLiteral("a glue stick with its cap off")}};
    for (int i = 1; i <= steps; ++i)
        s.steps.append({i, QStringLiteral("Step title %1").arg(i),
                        QStringLiteral("This is what you do in step number %1, slowly.").arg(i),
                        QStringLiteral("an illustration of step %1").arg(i)});
    s.completion = {QStringLiteral("All done. Well made, and see you next time!"), QStringLiteral("a finished small craft")};
    s.thumbnailPrompt = QStringLiteral("a bright thumbnail of a small craft");
    return s;
}

} // namespace diy::test
