#pragma once

#include "model/FieldProblem.h"

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QWidget;

namespace diy::ui {

class InlineMessage;
class NewProjectDialog;
class ProjectOpenCheck;
class ProjectDocument;
class RenderController;
class StudioSettings;

/// What the studio does with project folders: new (asking for a name), open, the example copy,
/// save, save as, the recent list and crash recovery. The window shows the result.
class ProjectActions : public QObject {
    Q_OBJECT
public:
    ProjectActions(ProjectDocument *document, StudioSettings *settings, RenderController *render, InlineMessage *message,
                   InlineMessage *recoveryBanner, QWidget *window);

    QAction *newAction() const { return m_new; }
    QAction *openAction() const { return m_open; }
    QAction *exampleAction() const { return m_example; }
    QAction *saveAction() const { return m_save; }
    QAction *saveAsAction() const { return m_saveAs; }
    /// Fills and keeps up to date the "Open Recent" menu.
    void setRecentMenu(QMenu *menu);

    /// Loads the project and shows it at once; then, off the GUI thread, sweeps the work files of
    /// killed renders and checks every picture and the music it refers to (ProjectOpenCheck):
    /// problems appear in the window's message, naming the scene and the file (openCheckFinished).
    bool openProject(const QString &folder);
    bool openExample();
    /// Asks for the project's description and name (non-modal dialog), then creates it.
    void newProject();
    /// Creates a project folder named `name` (made unique) under the projects root and opens it.
    bool createProject(const QString &name, const QString &description, const QString &imageProvider = QStringLiteral("cards"),
                       bool aiScript = false);
    void openProjectDialog();
    void saveProject();
    void saveProjectAs();

    void setProjectsRoot(const QString &folder) { m_projectsRoot = folder; }
    QString projectsRoot() const { return m_projectsRoot; }
    static QString exampleSource();

signals:
    /// Before another project replaces the open one (caches and the player let go of it).
    void aboutToOpen();
    void opened();
    void created();
    /// The creator chose "Write the script" for the new project (after created()).
    void aiScriptRequested();
    void statusMessage(const QString &text);
    /// The check started by openProject() is done (also when it found nothing).
    void openCheckFinished(const QString &folder, const diy::FieldProblems &problems, int sweptFiles);

private:
    void refreshRecentMenu();
    void offerRecovery();
    void onOpenCheckFinished(const QString &folder, const FieldProblems &problems, int sweptFiles);

    ProjectDocument *m_document;
    StudioSettings *m_settings;
    RenderController *m_render;
    InlineMessage *m_message;
    InlineMessage *m_recoveryBanner;
    QWidget *m_window;
    QMenu *m_recentMenu = nullptr;
    ProjectOpenCheck *m_openCheck;
    QPointer<NewProjectDialog> m_newDialog;
    QString m_projectsRoot;
    QAction *m_new;
    QAction *m_open;
    QAction *m_example;
    QAction *m_save;
    QAction *m_saveAs;
};

} // namespace diy::ui
