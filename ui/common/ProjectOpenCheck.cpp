#include "common/ProjectOpenCheck.h"

#include "common/Plural.h"

#include "store/ProjectAssetCheck.h"
#include "store/StalePartials.h"
#include "util/BackgroundPool.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace diy::ui {

namespace {
struct Outcome {
    FieldProblems problems;
    int swept = 0;
};
} // namespace

ProjectOpenCheck::ProjectOpenCheck(QObject *parent) : QObject(parent) {}

void ProjectOpenCheck::start(const Project &project, const QString &folder)
{
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation, folder] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const Outcome outcome = watcher->result();
        emit finished(folder, outcome.problems, outcome.swept);
    });
    watcher->setFuture(QtConcurrent::run(BackgroundPool::instance(), [project, folder] {
        Outcome outcome;
        outcome.swept = int(StalePartials::sweep(folder).size());
        outcome.problems = ProjectAssetCheck::check(project, folder);
        return outcome;
    }));
}

QString ProjectOpenCheck::describe(const Project &project, const FieldProblems &problems)
{
    QStringList lines;
    for (const FieldProblem &p : problems)
        lines.append(ProjectAssetCheck::describe(project, p));
    const QString count = countText(int(problems.size()), tr("One file of this project cannot be used"),
                                    tr("%1 files of this project cannot be used"));
    return tr("%1; the render will refuse until they are fixed (replace the picture on the Images page, or choose "
              "the music again on the Brief page): %2")
        .arg(count, lines.join(QStringLiteral(" · ")));
}

} // namespace diy::ui
