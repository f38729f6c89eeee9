#pragma once

#include <QObject>

#include <functional>

class QAction;
class QUrl;
class QWidget;

namespace diy::ui {

class InlineMessage;
class ProjectDocument;

/// Getting the finished video out: Save video as… (a copy anywhere, made off the GUI thread and
/// committed atomically), Show in folder, Copy path. Enabled while the last video exists.
class VideoFileActions : public QObject {
    Q_OBJECT
public:
    VideoFileActions(ProjectDocument *document, InlineMessage *message, QWidget *window);

    QAction *saveAsAction() const { return m_saveAs; }
    QAction *showInFolderAction() const { return m_showInFolder; }
    QAction *copyPathAction() const { return m_copyPath; }

    /// The last video's absolute path, or empty.
    QString videoPath() const;
    /// Copies the video to `target` (what Save video as… does after its dialog).
    void saveVideoAs(const QString &target);

    /// Tests replace the desktop's "open this folder" with a hook.
    using UrlOpener = std::function<bool(const QUrl &)>;
    static void setUrlOpenerForTests(UrlOpener opener);

signals:
    void videoSaved(const QString &target);

private:
    void refresh();

    ProjectDocument *m_document;
    InlineMessage *m_message;
    QWidget *m_window;
    QAction *m_saveAs;
    QAction *m_showInFolder;
    QAction *m_copyPath;
    bool m_copying = false;
};

} // namespace diy::ui
