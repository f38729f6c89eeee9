#pragma once

#include <QAbstractListModel>

namespace diy::ui {

class ProjectDocument;

/// The script's materials, editable in place; adding, removing and renaming are undoable.
class MaterialListModel : public QAbstractListModel {
    Q_OBJECT
public:
    explicit MaterialListModel(ProjectDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

private:
    void onDocumentChanged(int aspects);

    ProjectDocument *m_document;
    int m_rows = 0;
    bool m_editing = false;
};

} // namespace diy::ui
