#include "script/MaterialListModel.h"

#include "model/ScriptPlaceholders.h"

#include "common/ProjectDocument.h"

namespace diy::ui {

MaterialListModel::MaterialListModel(ProjectDocument *document, QObject *parent)
    : QAbstractListModel(parent), m_document(document)
{
    const auto &script = m_document->project().script;
    m_rows = script ? int(script->materials.size()) : 0;
    connect(m_document, &ProjectDocument::changed, this, &MaterialListModel::onDocumentChanged);
}

int MaterialListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

QVariant MaterialListModel::data(const QModelIndex &index, int role) const
{
    const auto &script = m_document->project().script;
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !script || index.row() >= script->materials.size())
        return {};
    const Script::Material &m = script->materials.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return m.name;
    case Qt::ToolTipRole: return tr("Image prompt: %1").arg(m.imagePrompt);
    default: return {};
    }
}

bool MaterialListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const int row = index.row();
    const QString name = value.toString();
    m_editing = true;
    m_document->edit(tr("Rename material"), ProjectDocument::ScriptAspect, [&](Project &p) {
        if (p.script && row < p.script->materials.size())
            p.script->materials[row].name = name;
    });
    m_editing = false;
    emit dataChanged(index, index);
    return true;
}

Qt::ItemFlags MaterialListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
}

bool MaterialListModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > m_rows || count < 1 || !m_document->project().script)
        return false;
    beginInsertRows({}, row, row + count - 1);
    m_editing = true;
    m_document->edit(tr("Add material"), ProjectDocument::ScriptAspect, [&](Project &p) {
        for (int i = 0; i < count; ++i)
            p.script->materials.insert(row, ScriptPlaceholders::newMaterial());
    });
    m_editing = false;
    m_rows += count;
    endInsertRows();
    return true;
}

bool MaterialListModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count < 1 || row + count > m_rows)
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_editing = true;
    m_document->edit(tr("Remove material"), ProjectDocument::ScriptAspect,
                     [&](Project &p) { p.script->materials.remove(row, count); });
    m_editing = false;
    m_rows -= count;
    endRemoveRows();
    return true;
}

void MaterialListModel::onDocumentChanged(int aspects)
{
    if (m_editing || !(aspects & ProjectDocument::ScriptAspect))
        return;
    const auto &script = m_document->project().script;
    const int rows = script ? int(script->materials.size()) : 0;
    if (rows != m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    } else if (rows > 0) {
        emit dataChanged(index(0), index(rows - 1));
    }
}

} // namespace diy::ui
