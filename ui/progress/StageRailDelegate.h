#pragma once

#include <QStyledItemDelegate>

namespace diy::ui {

/// Paints one rail entry: stage icon and name, a state badge, the status line, and a thin
/// progress bar with elapsed time and ETA while the stage runs.
class StageRailDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace diy::ui
