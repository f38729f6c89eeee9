#include "script/StepListModel.h"

#include "common/ProjectDocument.h"

#include <QMimeData>

namespace diy::ui {

StepListModel::StepListModel(ProjectDocument *document, QObject *parent) : QAbstractListModel(parent), m_document(document)
{
    const auto &script = m_document->project().script;
    m_rows = script ? int(script->steps.size()) : 0;
    connect(m_document, &ProjectDocument::changed, this, &StepListModel::onDocumentChanged);
}

int StepListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

QVariant StepListModel::data(const QModelIndex &index, int role) const
{
    const auto &script = m_document->project().script;
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !script || index.row() >= script->steps.size())
        return {};
    const Script::Step &step = script->steps.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1. %2").arg(step.stepNumber).arg(step.title.isEmpty() ? tr("(untitled step)") : step.title);
    case Qt::ToolTipRole: return step.narration;
    case Qt::AccessibleTextRole: return tr("Step %1: %2").arg(step.stepNumber).arg(step.title);
    default: return {};
    }
}

Qt::ItemFlags StepListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
}

bool StepListModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count, const QModelIndex &destinationParent,
                             int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count != 1 || sourceRow < 0 || sourceRow >= m_rows
        || destinationChild < 0 || destinationChild > m_rows || destinationChild == sourceRow || destinationChild == sourceRow + 1)
        return false;
    const int to = destinationChild > sourceRow ? destinationChild - 1 : destinationChild;
    if (!beginMoveRows({}, sourceRow, sourceRow, {}, destinationChild))
        return false;
    m_moving = true;
    m_document->edit(tr("Move step %1").arg(sourceRow + 1), ProjectDocument::ScriptAspect | ProjectDocument::ImagesAspect,
                     [&](Project &p) { p.moveStep(sourceRow, to); });
    m_moving = false;
    endMoveRows();
    return true;
}

Qt::DropActions StepListModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList StepListModel::mimeTypes() const
{
    return {QString::fromLatin1(kMimeType)};
}

QMimeData *StepListModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(kMimeType), QByteArray::number(indexes.first().row()));
    return mime;
}

bool StepListModel::dropMimeData(const QMimeData *data, Qt::DropAction, int row, int, const QModelIndex &parent)
{
    if (!data || !data->hasFormat(QString::fromLatin1(kMimeType)))
        return false;
    bool ok = false;
    const int from = data->data(QString::fromLatin1(kMimeType)).toInt(&ok);
    if (!ok)
        return false;
    int destination = row;
    if (destination < 0)
        destination = parent.isValid() ? (parent.row() > from ? parent.row() + 1 : parent.row()) : m_rows;
    moveRows({}, from, 1, {}, destination);
    return false; // the move is done; the view must not remove the source row
}

void StepListModel::onDocumentChanged(int aspects)
{
    if (m_moving || !(aspects & ProjectDocument::ScriptAspect))
        return;
    const auto &script = m_document->project().script;
    const int rows = script ? int(script->steps.size()) : 0;
    if (rows != m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    } else if (rows > 0) {
        emit dataChanged(index(0), index(rows - 1));
    }
}

} // namespace diy::ui
