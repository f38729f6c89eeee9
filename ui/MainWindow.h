#pragma once

#include "pipeline/RenderSummary.h"
#include "util/Result.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QLabel;
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
class DocumentUndoShortcuts;
class FeedbackPanel;
class FeedbackTransport;
class ImagesPage;
class InlineMessage;
class LogView;
class PlayerPage;
class ProductionController;
class ProductionPanel;
class ProjectActions;
class ProjectDocument;
class RenderController;
class RenderPage;
class ScriptPage;
class SettingsDialog;
class StageRail;
class StudioSettings;
class ThumbnailCache;
class VideoFileActions;

/// The studio window: a stage rail (Brief, Script, Prompts, Pictures, Render, Watch with state,
/// progress, elapsed and ETA), the AI production bar beside the pages; the project actions (new/open/save as/recent, recovery)
/// and the video's file actions; undo/redo; the log dock, settings and about box. Layout and state persist.
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
    ProductionController *production() const { return m_production; }
    PlayerPage *playerPage() const { return m_player; }
    ProjectActions *projectActions() const { return m_projects; }
    VideoFileActions *videoActions() const { return m_videoActions; }
    void showPage(Page page);
    Page currentPage() const;

    /// Opens a project folder (errors are shown in the window). Returns false when it did not open.
    bool openProject(const QString &folder);
    /// Copies the bundled example into the user's projects folder (once) and opens it.
    bool openExample();
    /// Asks for the new project's description and name, then creates and opens it.
    void newProject();
    /// Where new projects and the example copy go (tests point it at a temporary folder).
    void setProjectsRoot(const QString &folder);
    static QString exampleSource();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *createCentralArea();
    void createActions();
    void createMenus();
    void refreshRail();
    void refreshTitle();
    void showSettings();
    void showAbout();
    void startRender();
    void onRenderFinished(const diy::Result<diy::RenderSummary> &result);
    void openVideoInPlayer();

    StudioSettings *m_settings;
    ProjectDocument *m_document;
    ThumbnailCache *m_thumbnails;
    RenderController *m_render;
    ProductionController *m_production;
    ProductionPanel *m_productionPanel;
    StageRail *m_rail;
    QStackedWidget *m_pages;
    InlineMessage *m_windowMessage;
    InlineMessage *m_recoveryBanner;
    ProjectActions *m_projects;
    VideoFileActions *m_videoActions;
    DocumentUndoShortcuts *m_undoShortcuts;
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
    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<ApiKeyStore> m_keys;
    QList<ImageGenerator *> m_imageGenerators;

    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_renderAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_quitAction = nullptr;
};

} // namespace diy::ui
