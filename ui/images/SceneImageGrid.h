#pragma once

#include <QListView>

namespace diy::ui {

class SceneImageModel;

/// The grid of scene pictures. While something is dragged over it, it says what a drop on the
/// scene under the pointer will do (swap, bring a card back, use a photo file, or why not).
class SceneImageGrid : public QListView {
    Q_OBJECT
public:
    explicit SceneImageGrid(QWidget *parent = nullptr);

signals:
    /// Empty when nothing is being dragged over the grid.
    void dropHintChanged(const QString &hint);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void describe(const QMimeData *mime, const QPoint &pos);
};

} // namespace diy::ui
