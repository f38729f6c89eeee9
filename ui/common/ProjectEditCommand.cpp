#include "common/ProjectEditCommand.h"

#include "common/ProjectDocument.h"

namespace diy::ui {

ProjectEditCommand::ProjectEditCommand(ProjectDocument *document, const QString &text, Project before, Project after, int aspects,
                                       QString mergeKey)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)), m_after(std::move(after)), m_aspects(aspects),
      m_mergeKey(std::move(mergeKey))
{
}

void ProjectEditCommand::undo()
{
    m_document->applySnapshot(m_before, m_aspects);
}

void ProjectEditCommand::redo()
{
    m_document->applySnapshot(m_after, m_aspects);
}

int ProjectEditCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : 1;
}

bool ProjectEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ProjectEditCommand *>(other);
    if (next->m_mergeKey != m_mergeKey)
        return false;
    m_after = next->m_after;
    m_aspects |= next->m_aspects;
    return true;
}

} // namespace diy::ui
