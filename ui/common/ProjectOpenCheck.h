#pragma once

#include "model/FieldProblem.h"
#include "model/Project.h"

#include <QObject>
#include <QString>

namespace diy::ui {

/// What the studio does when it opens a project, off the GUI thread: sweeps the work files of
/// killed renders (StalePartials) and checks every referenced file (ProjectAssetCheck), then
/// reports all problems at once through finished().
class ProjectOpenCheck : public QObject {
    Q_OBJECT
public:
    explicit ProjectOpenCheck(QObject *parent = nullptr);

    /// Starts a check of `project` in `folder`; a result for an older request is dropped.
    void start(const Project &project, const QString &folder);

    /// One paragraph for the window's message: "2 files of this project cannot be used: …", each
    /// problem naming its scene and file (ProjectAssetCheck::describe).
    static QString describe(const Project &project, const FieldProblems &problems);

signals:
    void finished(const QString &folder, const diy::FieldProblems &problems, int sweptFiles);

private:
    quint64 m_generation = 0;
};

} // namespace diy::ui
