#include "store/RunHistory.h"

#include "store/ProjectStore.h"

#include <QDateTime>

namespace diy {

void RunHistory::record(Project &project, const RunRecord &run, const std::optional<RenderRecord> &render)
{
    project.runs.append(run);
    if (render)
        project.recordRender(*render); // ratings and reviews of the previous video go to the history
}

Status RunHistory::recordInFolder(const QString &folder, const RunRecord &run, const std::optional<RenderRecord> &render)
{
    auto latest = ProjectStore::load(folder);
    if (!latest)
        return latest.error();
    Project project = *latest;
    record(project, run, render);
    project.modifiedAt = QDateTime::currentDateTimeUtc();
    return ProjectStore::save(project, folder);
}

} // namespace diy
