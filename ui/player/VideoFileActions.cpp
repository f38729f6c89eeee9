#include "player/VideoFileActions.h"

#include "common/FileDialogs.h"
#include "common/Icons.h"
#include "common/InlineMessage.h"
#include "common/ProjectDocument.h"
#include "util/AtomicFile.h"
#include "util/BackgroundPool.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QUrl>
#include <QtConcurrent>

namespace diy::ui {

namespace {

VideoFileActions::UrlOpener &urlOpener()
{
    static VideoFileActions::UrlOpener opener;
    return opener;
}

/// Copies in the pool: to a temporary file beside the target, then renamed over it.
Status copyVideo(const QString &source, const QString &target)
{
    const QString partial = target + QStringLiteral(".part");
    QFile::remove(partial);
    if (!QFile::copy(source, partial))
        return Error::io(QObject::tr("Could not write %1. Check that the folder exists and has free space.")
                             .arg(QDir::toNativeSeparators(target)));
    const Status committed = AtomicFile::commit(partial, target);
    if (!committed)
        QFile::remove(partial);
    return committed;
}

} // namespace

void VideoFileActions::setUrlOpenerForTests(UrlOpener opener)
{
    urlOpener() = std::move(opener);
}

VideoFileActions::VideoFileActions(ProjectDocument *document, InlineMessage *message, QWidget *window)
    : QObject(window), m_document(document), m_message(message), m_window(window)
{
    m_saveAs = new QAction(Icons::icon(QStringLiteral("save-as")), tr("Save Video &As…"), this);
    m_saveAs->setObjectName(QStringLiteral("saveVideoAsAction"));
    m_saveAs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_saveAs->setStatusTip(tr("Save a copy of the finished video where you like"));
    m_showInFolder = new QAction(Icons::icon(QStringLiteral("folder")), tr("Show Video in &Folder"), this);
    m_showInFolder->setObjectName(QStringLiteral("showVideoInFolderAction"));
    m_showInFolder->setStatusTip(tr("Open the folder that holds the finished video"));
    m_copyPath = new QAction(tr("&Copy Video Path"), this);
    m_copyPath->setObjectName(QStringLiteral("copyVideoPathAction"));
    m_copyPath->setStatusTip(tr("Copy where the finished video is, to paste it elsewhere"));
    for (QAction *a : {m_saveAs, m_showInFolder, m_copyPath})
        a->setToolTip(a->statusTip());

    connect(m_saveAs, &QAction::triggered, this, [this] {
        if (videoPath().isEmpty())
            return;
        FileDialogs::saveFile(m_window, QStringLiteral("save-video-as"), tr("Save the video as"), tr("MP4 video (*.mp4)"), this,
                              [this](const QString &path) { saveVideoAs(path); });
    });
    connect(m_showInFolder, &QAction::triggered, this, [this] {
        const QString video = videoPath();
        if (video.isEmpty())
            return;
        const QUrl url = QUrl::fromLocalFile(QFileInfo(video).absolutePath());
        const bool ok = urlOpener() ? urlOpener()(url) : QDesktopServices::openUrl(url);
        if (!ok)
            m_message->showMessage(InlineMessage::Level::Warning,
                                   tr("Could not open a file manager. The video is in %1.")
                                       .arg(QDir::toNativeSeparators(QFileInfo(video).absolutePath())));
    });
    connect(m_copyPath, &QAction::triggered, this, [this] {
        const QString video = videoPath();
        if (video.isEmpty())
            return;
        QGuiApplication::clipboard()->setText(QDir::toNativeSeparators(video));
        m_message->showMessage(InlineMessage::Level::Success,
                               tr("Copied the video's path: %1").arg(QDir::toNativeSeparators(video)));
    });
    connect(m_document, &ProjectDocument::changed, this, [this] { refresh(); });
    connect(m_document, &ProjectDocument::opened, this, [this] { refresh(); });
    refresh();
}

QString VideoFileActions::videoPath() const
{
    const Project &p = m_document->project();
    if (!m_document->isOpen() || !p.lastRender)
        return {};
    const QString path = QDir(m_document->folder()).filePath(p.lastRender->output);
    return QFileInfo::exists(path) ? QFileInfo(path).absoluteFilePath() : QString();
}

void VideoFileActions::saveVideoAs(const QString &target)
{
    const QString source = videoPath();
    if (source.isEmpty() || m_copying)
        return;
    QString path = target;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".mp4");
    if (QFileInfo(path).absoluteFilePath() == source)
        return;
    m_copying = true;
    refresh();
    m_message->showMessage(InlineMessage::Level::Info, tr("Saving a copy of the video…"));
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        m_copying = false;
        refresh();
        const Status status = watcher->result();
        if (!status) {
            m_message->showError(status.error());
            return;
        }
        m_message->showMessage(InlineMessage::Level::Success, tr("Saved the video as %1.").arg(QDir::toNativeSeparators(path)));
        emit videoSaved(path);
    });
    watcher->setFuture(QtConcurrent::run(BackgroundPool::instance(), [source, path] { return copyVideo(source, path); }));
}

void VideoFileActions::refresh()
{
    const bool has = !videoPath().isEmpty();
    m_saveAs->setEnabled(has && !m_copying);
    m_showInFolder->setEnabled(has);
    m_copyPath->setEnabled(has);
}

} // namespace diy::ui
