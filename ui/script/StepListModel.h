#pragma once

#include <QAbstractListModel>

namespace diy::ui {

class ProjectDocument;

/// The script's steps in order ("1. Fold the paper in half"). Reordering (moveRows, or a drag in
/// the view) is an undoable edit that keeps each step's picture with it; numbers follow the order.
class StepListModel : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr const char *kMimeType = "application/x-diy-step-row";

    explicit StepListModel(ProjectDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count, const QModelIndex &destinationParent,
                  int destinationChild) override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;

private:
    void onDocumentChanged(int aspects);

    ProjectDocument *m_document;
    int m_rows = 0;
    bool m_moving = false;
};

} // namespace diy::ui
