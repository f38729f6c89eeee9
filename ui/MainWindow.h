#pragma once

#include "pipeline/RenderSummary.h"
#include "util/Result.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QLabel;
class QListView;
class QMenu;
class QStackedWidget;

namespace diy {
class ApiKeyStore;
class FeedbackOutbox;
class ImageGenerator;
class TensorZeroClient;
} // namespace diy

namespace diy::ui {

class AiReviewPanel;

class BriefPage;
class FeedbackPanel;
class FeedbackTransport;
class ImagesPage;
class InlineMessage;
class LogView;
class PlayerPage;
class ProjectDocument;
class RenderController;
class RenderPage;
class ScriptPage;
class SettingsDialog;
class StageRailModel;
class StudioSettings;
class ThumbnailCache;

/// The studio window: a stage rail (Brief, Script, Images, Render, Watch with state, progress,
/// elapsed and ETA) beside the pages; new/open/save as/recent; undo/redo; autosave and crash
/// recovery; the log dock, settings and about box. Layout and state persist.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum Page { WelcomePage, BriefPageIndex, ScriptPageIndex, ImagesPageIndex, RenderPageIndex, WatchPageIndex };

    MainWindow(StudioSettings *settings, FeedbackTransport *feedback, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The AI side, when a TensorZero gateway is set up: adds the AI review under the player.
    void setAiServices(TensorZeroClient *client, FeedbackOutbox *outbox);
    /// The AI picture providers: each gets a page in the settings (key in the keychain, Test).
    void setImageProviders(ApiKeyStore *keys, const QList<ImageGenerator *> &generators);

    ProjectDocument *document() const { return m_document; }
    RenderController *renderController() const { return m_render; }
    PlayerPage *playerPage() const { return m_player; }
    void showPage(Page page);
    Page currentPage() const;

    /// Opens a project folder (errors are shown in the window). Returns false when it did not open.
    bool openProject(const QString &folder);
    /// Copies the bundled example into the user's projects folder (once) and opens it.
    bool openExample();
    void newProject();
    /// Where new projects and the example copy go (tests point it at a temporary folder).
    void setProjectsRoot(const QString &folder) { m_projectsRoot = folder; }
    static QString exampleSource();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void refreshRail();
    void refreshTitle();
    void refreshRecentMenu();
    void offerRecovery();
    void saveProject();
    void saveProjectAs();
    void openProjectDialog();
    void showSettings();
    void showAbout();
    void startRender();
    void onRenderFinished(const diy::Result<diy::RenderSummary> &result);
    void openVideoInPlayer();

    StudioSettings *m_settings;
    ProjectDocument *m_document;
    ThumbnailCache *m_thumbnails;
    RenderController *m_render;
    StageRailModel *m_railModel;
    QListView *m_rail;
    QStackedWidget *m_pages;
    InlineMessage *m_windowMessage;
    InlineMessage *m_recoveryBanner;
    BriefPage *m_brief;
    ScriptPage *m_script;
    ImagesPage *m_images;
    RenderPage *m_renderPage;
    PlayerPage *m_player;
    FeedbackPanel *m_feedback;
    AiReviewPanel *m_aiReview = nullptr;
    QPointer<TensorZeroClient> m_gateway;
    LogView *m_log;
    QDockWidget *m_logDock;
    QLabel *m_statusProject;
    QLabel *m_statusSaved;
    QMenu *m_recentMenu = nullptr;
    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<ApiKeyStore> m_keys;
    QList<ImageGenerator *> m_imageGenerators;
    QString m_projectsRoot;

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_exampleAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_renderAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_quitAction = nullptr;
};

} // namespace diy::ui
