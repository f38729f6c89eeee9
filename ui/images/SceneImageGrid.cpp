#include "images/SceneImageGrid.h"

#include "images/SceneImageModel.h"

#include <QDragMoveEvent>
#include <QMimeData>

namespace diy::ui {

SceneImageGrid::SceneImageGrid(QWidget *parent) : QListView(parent) {}

void SceneImageGrid::dragEnterEvent(QDragEnterEvent *event)
{
    QListView::dragEnterEvent(event);
    describe(event->mimeData(), event->position().toPoint());
}

void SceneImageGrid::dragMoveEvent(QDragMoveEvent *event)
{
    QListView::dragMoveEvent(event);
    describe(event->mimeData(), event->position().toPoint());
}

void SceneImageGrid::dragLeaveEvent(QDragLeaveEvent *event)
{
    QListView::dragLeaveEvent(event);
    emit dropHintChanged(QString());
}

void SceneImageGrid::dropEvent(QDropEvent *event)
{
    QListView::dropEvent(event);
    emit dropHintChanged(QString());
}

void SceneImageGrid::describe(const QMimeData *mime, const QPoint &pos)
{
    auto *images = qobject_cast<SceneImageModel *>(model());
    if (!images || !mime)
        return;
    const QModelIndex target = indexAt(pos);
    const QString scene = target.data(Qt::AccessibleTextRole).toString();
    QString hint;
    if (const int from = SceneImageModel::draggedRow(mime); from >= 0)
        hint = target.isValid() ? images->dropDescription(from, target.row()) : tr("Drop it on a scene to swap pictures.");
    else if (mime->hasUrls())
        hint = target.isValid() ? tr("Drop to use this file as %1's picture.").arg(scene) : tr("Drop the file on a scene.");
    emit dropHintChanged(hint);
}

} // namespace diy::ui
