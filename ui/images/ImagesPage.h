#pragma once

#include <QSet>
#include <QWidget>

class QLabel;
class QListView;
class QToolButton;
class QPushButton;

namespace diy::ui {

class InlineMessage;
class ProjectDocument;
class SceneImageModel;
class ScenePromptPanel;
class ThumbnailCache;

/// Image review: a grid of scene thumbnails with drag-and-drop reorder (undoable), replace from a
/// file dialog or by dropping a file (non-images and corrupt files are refused, nothing changes),
/// regenerate one scene's card, lock, and a large preview; with AI pictures, each scene's prompt
/// (editable) and "Regenerate with AI".
class ImagesPage : public QWidget {
    Q_OBJECT
public:
    ImagesPage(ProjectDocument *document, ThumbnailCache *cache, QWidget *parent = nullptr);

    SceneImageModel *model() const { return m_model; }
    QListView *grid() const { return m_grid; }
    int currentRow() const;
    void selectRow(int row);
    /// Imports `path` off the GUI thread and makes it scene `row`'s picture (or shows why not).
    void replaceImage(int row, const QString &path);
    bool isImporting() const { return m_importing > 0; }
    /// Scenes whose AI picture failed and why: shown on the scene with the ways out (the first is selected).
    void setPictureProblems(const QSet<int> &rows, const QString &message);

signals:
    void importFinished(bool ok);
    /// "Regenerate with AI" on scene `row`.
    void aiRegenerateRequested(int row);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void onDocumentChanged(int aspects);
    void refreshDetails();
    void refreshPreview();

    ProjectDocument *m_document;
    ThumbnailCache *m_cache;
    SceneImageModel *m_model;
    InlineMessage *m_message;
    QListView *m_grid;
    QLabel *m_dropHint;
    QLabel *m_preview;
    QLabel *m_sceneName;
    QLabel *m_source;
    QPushButton *m_replace;
    QPushButton *m_regenerate;
    QPushButton *m_lock;
    QToolButton *m_left;
    QToolButton *m_right;
    ScenePromptPanel *m_prompts;
    int m_importing = 0;
};

} // namespace diy::ui
