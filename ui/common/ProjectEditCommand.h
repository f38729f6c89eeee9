#pragma once

#include "model/Project.h"

#include <QUndoCommand>

namespace diy::ui {

class ProjectDocument;

/// One undoable creator edit, stored as the project before and after (projects are small).
class ProjectEditCommand : public QUndoCommand {
public:
    ProjectEditCommand(ProjectDocument *document, const QString &text, Project before, Project after, int aspects,
                       QString mergeKey);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    ProjectDocument *m_document;
    Project m_before;
    Project m_after;
    int m_aspects;
    QString m_mergeKey;
};

} // namespace diy::ui
