#pragma once

#include <QAbstractListModel>
#include <QSize>

namespace diy {
struct FrameSpec;
}

namespace diy::ui {

class ProjectDocument;
class ThumbnailCache;

/// One row per scene (intro, materials, steps, completion) with its picture's thumbnail, drawn or
/// decoded off the GUI thread. Two scenes trade pictures by swapPictures or by a drag in the view
/// (undoable); dropping image files from the file manager asks to replace that scene's picture.
class SceneImageModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { LockedRole = Qt::UserRole + 1, SourceRole, SceneKeyRole, ThumbnailKeyRole };
    static constexpr const char *kMimeType = "application/x-diy-scene-image-row";

    SceneImageModel(ProjectDocument *document, ThumbnailCache *cache, QObject *parent = nullptr);

    void setThumbnailSize(QSize box);
    QSize thumbnailSize() const { return m_thumbBox; }
    /// Key and producer of a scene's picture at a given size (the page uses it for the large preview).
    QString pictureKey(int row, QSize box) const;
    static QString keyOf(const FrameSpec &spec, QSize box);
    QPixmap picture(int row, QSize box) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// Whether two scenes can trade pictures; `why` says why not in plain words.
    bool canSwap(int a, int b, QString *why = nullptr) const;
    /// Two scenes trade pictures (one undoable edit). What a drag, Alt+Left/Right and the
    /// Earlier/Later buttons do: reordering means exactly this.
    bool swapPictures(int a, int b);
    /// What dropping scene `from`'s picture on scene `to` will do, for the hint shown while dragging.
    QString dropDescription(int from, int to) const;
    /// The row a drag from this model carries, or -1.
    static int draggedRow(const QMimeData *data);

    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count, const QModelIndex &destinationParent,
                  int destinationChild) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;

signals:
    /// A file was dropped onto a scene: the creator wants it as that scene's picture.
    void replaceRequested(int row, const QString &path);

private:
    void onDocumentChanged(int aspects);
    void onCacheImageReady(const QString &key);

    ProjectDocument *m_document;
    ThumbnailCache *m_cache;
    QSize m_thumbBox{160, 160};
    int m_rows = 0;
    bool m_moving = false;
};

} // namespace diy::ui
