#include "TinyProject.h"

#include "ExampleProject.h"
#include "store/ProjectStore.h"

namespace diy::test {

Project makeTinyProject(const QString &folder)
{
    Brief brief;
    brief.description = QStringLiteral("a tiny test tutorial");
    brief.targetDurationSeconds = 60;
    brief.expectedSteps = 3;
    brief.speechRate = 220;
    Project p = Project::create(QStringLiteral("Tiny test"), brief);
    Script s;
    s.title = QStringLiteral("Tiny: fold it");
    s.intro = {QStringLiteral("Hi there, let's fold!"), QStringLiteral("paper on a desk")};
    s.materials = {{QStringLiteral("Paper"), QStringLiteral("a sheet of paper")},
                   {QStringLiteral("Table"), QStringLiteral("a flat table")},
                   {QStringLiteral("Hands"), QStringLiteral("two clean hands")}};
    s.steps = {{1, QStringLiteral("Fold"), QStringLiteral("Fold the paper in half."), QStringLiteral("folding paper")},
               {2, QStringLiteral("Press"), QStringLiteral("Press the fold flat now."), QStringLiteral("pressing a fold")},
               {3, QStringLiteral("Open"), QStringLiteral("Open it up again, done."), QStringLiteral("opened paper")}};
    s.completion = {QStringLiteral("All done, see you soon!"), QStringLiteral("a folded paper")};
    s.thumbnailPrompt = QStringLiteral("a folded paper thumbnail");
    p.script = s;
    p.syncSceneImages();
    if (!ProjectStore::save(p, folder))
        qFatal("cannot save the tiny project");
    return p;
}

} // namespace diy::test
