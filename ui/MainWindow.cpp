#include "MainWindow.h"

#include "brief/BriefPage.h"
#include "common/DocumentUndoShortcuts.h"
#include "common/Icons.h"
#include "common/InlineMessage.h"
#include "common/LogView.h"
#include "common/ProjectDocument.h"
#include "common/Theme.h"
#include "feedback/AiReviewPanel.h"
#include "feedback/FeedbackPanel.h"
#include "images/ImagesPage.h"
#include "images/ThumbnailCache.h"
#include "media/TechnicalReport.h"
#include "player/PlayerPage.h"
#include "player/VideoFileActions.h"
#include "production/ProductionController.h"
#include "production/ProductionPanel.h"
#include "progress/RenderController.h"
#include "progress/RenderPage.h"
#include "progress/StageRail.h"
#include "progress/StageRailModel.h"
#include "project/ProjectActions.h"
#include "providers/ApiKeyStore.h"
#include "script/ScriptPage.h"
#include "settings/ProviderKeyPage.h"
#include "settings/SettingsDialog.h"
#include "settings/StudioSettings.h"
#include "tensorzero/GatewayAddress.h"
#include "tensorzero/TensorZeroClient.h"
#include "util/AtomicFile.h"
#include "util/BackgroundPool.h"
#include "util/DataDir.h"
#include "util/Log.h"
#include "welcome/WelcomeScreen.h"

#include <nlohmann/json.hpp>

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace diy::ui {

namespace {

/// Scene starts for the player's markers, from a render's technical report.
void sceneMarks(const Result<TechnicalReport> &report, QList<qint64> *starts, QStringList *names)
{
    if (!report) {
        logWarning(report.error().toString());
        return;
    }
    *starts = report->sceneStarts();
    *names = report->sceneLabels();
}

/// The page a rail row opens: Prompts are edited per scene on the Images page.
MainWindow::Page pageForStage(int stage)
{
    switch (StageRailModel::Stage(stage)) {
    case StageRailModel::Brief: return MainWindow::BriefPageIndex;
    case StageRailModel::Script: return MainWindow::ScriptPageIndex;
    case StageRailModel::Prompts:
    case StageRailModel::Images: return MainWindow::ImagesPageIndex;
    case StageRailModel::Render: return MainWindow::RenderPageIndex;
    case StageRailModel::Watch: return MainWindow::WatchPageIndex;
    case StageRailModel::StageCount: break;
    }
    return MainWindow::WelcomePage;
}

int stageForPage(MainWindow::Page page)
{
    switch (page) {
    case MainWindow::BriefPageIndex: return StageRailModel::Brief;
    case MainWindow::ScriptPageIndex: return StageRailModel::Script;
    case MainWindow::ImagesPageIndex: return StageRailModel::Images;
    case MainWindow::RenderPageIndex: return StageRailModel::Render;
    case MainWindow::WatchPageIndex: return StageRailModel::Watch;
    case MainWindow::WelcomePage: break;
    }
    return -1;
}

} // namespace

MainWindow::MainWindow(StudioSettings *settings, FeedbackTransport *feedback, QWidget *parent)
    : QMainWindow(parent), m_settings(settings), m_document(new ProjectDocument(this)), m_thumbnails(new ThumbnailCache(this)),
      m_render(new RenderController(m_document, this)), m_production(new ProductionController(m_document, this)),
      m_productionPanel(new ProductionPanel(m_document, m_production, this)), m_rail(new StageRail(m_document, m_render, this)),
      m_pages(new QStackedWidget(this)), m_windowMessage(new InlineMessage(this)), m_recoveryBanner(new InlineMessage(this)),
      m_projects(new ProjectActions(m_document, settings, m_render, m_windowMessage, m_recoveryBanner, this)),
      m_videoActions(new VideoFileActions(m_document, m_windowMessage, this)),
      m_undoShortcuts(new DocumentUndoShortcuts(m_document->undoStack(), this)), m_log(new LogView(this)),
      m_logDock(new QDockWidget(tr("Log"), this)), m_statusProject(new QLabel(this)), m_statusSaved(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("DIY Video Studio"));
    setWindowIcon(Icons::icon(QStringLiteral("app")));
    setMinimumSize(1024, 680);
    m_render->setParallelJobs(m_settings->parallelJobs());

    m_brief = new BriefPage(m_document, this);
    m_script = new ScriptPage(m_document, this);
    m_images = new ImagesPage(m_document, m_thumbnails, this);
    m_rail->setProduction(m_production);
    m_renderPage = new RenderPage(m_document, m_render, this);
    m_player = new PlayerPage(this);
    m_feedback = new FeedbackPanel(m_document, feedback, this);
    m_player->setFeedbackWidget(m_feedback);
    m_player->setVideoActions(
        {m_videoActions->saveAsAction(), m_videoActions->showInFolderAction(), m_videoActions->copyPathAction()});
    m_renderPage->setVideoActions(
        {m_videoActions->saveAsAction(), m_videoActions->showInFolderAction(), m_videoActions->copyPathAction()});

    setCentralWidget(createCentralArea());

    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_log);
    m_logDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    m_logDock->hide();

    m_statusProject->setObjectName(QStringLiteral("statusProjectLabel"));
    m_statusSaved->setObjectName(QStringLiteral("statusSavedLabel"));
    statusBar()->addWidget(m_statusProject, 1);
    statusBar()->addPermanentWidget(m_statusSaved);

    createActions();
    createMenus();

    connect(m_projects, &ProjectActions::aboutToOpen, this, [this] {
        m_thumbnails->clear();
        m_player->clear();
    });
    connect(m_projects, &ProjectActions::opened, this, [this] {
        openVideoInPlayer();
        showPage(m_document->project().script ? ScriptPageIndex : BriefPageIndex);
    });
    connect(m_projects, &ProjectActions::created, this, [this] { showPage(BriefPageIndex); });
    connect(m_projects, &ProjectActions::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 3000); });
    connect(m_document, &ProjectDocument::changed, this, [this] {
        refreshRail();
        refreshTitle();
    });
    connect(m_document, &ProjectDocument::modifiedChanged, this, [this] { refreshTitle(); });
    connect(m_document, &ProjectDocument::saved, this, [this] { refreshTitle(); });
    connect(m_document, &ProjectDocument::autosaveFailed, this, [this](const Error &error) {
        m_windowMessage->showMessage(InlineMessage::Level::Warning,
                                     tr("Autosave failed: %1 Save with Ctrl+S or free some disk space.").arg(error.message),
                                     error.detail);
    });
    connect(m_render, &RenderController::stateChanged, this, &MainWindow::refreshRail);
    connect(m_render, &RenderController::progressChanged, this, &MainWindow::refreshRail);
    connect(m_render, &RenderController::planReady, this, &MainWindow::refreshRail);
    connect(m_render, &RenderController::finished, this, &MainWindow::onRenderFinished);
    connect(m_renderPage, &RenderPage::startRequested, this, &MainWindow::startRender);
    connect(m_production, &ProductionController::stateChanged, this, [this] {
        refreshRail();
        refreshTitle();
    });
    connect(m_production, &ProductionController::progressChanged, this, &MainWindow::refreshRail);
    connect(m_projects, &ProjectActions::aiScriptRequested, this,
            [this] { m_productionPanel->request(ProductionController::Goal::WriteScript); });
    connect(m_productionPanel, &ProductionPanel::settingsRequested, this, &MainWindow::showSettings);
    connect(m_productionPanel, &ProductionPanel::writeYourselfRequested, this, [this] { showPage(ScriptPageIndex); });
    connect(m_productionPanel, &ProductionPanel::scriptPageRequested, this, [this] { showPage(ScriptPageIndex); });
    connect(m_productionPanel, &ProductionPanel::imagesPageRequested, this, [this] { showPage(ImagesPageIndex); });
    connect(m_productionPanel, &ProductionPanel::renderRequested, this, &MainWindow::startRender);
    connect(m_images, &ImagesPage::aiRegenerateRequested, m_production, &ProductionController::regenerateScene);
    connect(m_production, &ProductionController::failed, this, [this](ProductionController::Step step, const Error &error) {
        if (step == ProductionController::PicturesStep && !error.isCancelled())
            m_images->setPictureProblems(m_production->failedScenes(), error.message);
    });
    connect(m_production, &ProductionController::finished, this, [this] { m_images->setPictureProblems({}, {}); });
    connect(m_renderPage, &RenderPage::cancelRequested, m_render, &RenderController::cancel);
    connect(m_renderPage, &RenderPage::watchRequested, this, [this] {
        openVideoInPlayer();
        showPage(WatchPageIndex);
    });
    connect(m_rail, &StageRail::stageActivated, this, [this](int stage) { m_pages->setCurrentIndex(pageForStage(stage)); });

    const QByteArray geometry = m_settings->value(StudioSettings::Key::WindowGeometry).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1280, 800);
    restoreState(m_settings->value(StudioSettings::Key::WindowState).toByteArray());

    refreshRail();
    refreshTitle();
    showPage(WelcomePage);
}

MainWindow::~MainWindow()
{
    // Thumbnails and plans still being made paint with fonts that die with the application.
    BackgroundPool::drain();
}

QWidget *MainWindow::createCentralArea()
{
    auto *welcome = new WelcomeScreen(this);
    connect(welcome, &WelcomeScreen::exampleRequested, this, [this] { openExample(); });
    connect(welcome, &WelcomeScreen::newProjectRequested, this, &MainWindow::newProject);
    connect(welcome, &WelcomeScreen::openProjectRequested, m_projects, &ProjectActions::openProjectDialog);

    m_pages->setObjectName(QStringLiteral("pageStack"));
    m_pages->addWidget(welcome);
    m_pages->addWidget(m_brief);
    m_pages->addWidget(m_script);
    m_pages->addWidget(m_images);
    m_pages->addWidget(m_renderPage);
    m_pages->addWidget(m_player);

    m_windowMessage->setObjectName(QStringLiteral("windowMessage"));
    m_recoveryBanner->setObjectName(QStringLiteral("recoveryBanner"));

    auto *right = new QWidget(this);
    auto *rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->setSpacing(0);
    auto *messages = new QVBoxLayout;
    messages->setContentsMargins(16, 8, 16, 0);
    messages->setSpacing(6);
    messages->addWidget(m_windowMessage);
    messages->addWidget(m_recoveryBanner);
    messages->addWidget(m_productionPanel);
    rl->addLayout(messages);
    rl->addWidget(m_pages, 1);

    auto *separator = new QFrame(this);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Plain);
    separator->setObjectName(QStringLiteral("railSeparator"));

    auto *central = new QWidget(this);
    auto *cl = new QHBoxLayout(central);
    cl->setContentsMargins(0, 0, 0, 0);
    cl->setSpacing(0);
    auto *railColumn = new QVBoxLayout;
    railColumn->setContentsMargins(6, 12, 6, 6);
    railColumn->addWidget(m_rail);
    cl->addLayout(railColumn);
    cl->addWidget(separator);
    cl->addWidget(right, 1);
    return central;
}

void MainWindow::createActions()
{
    auto make = [this](const QString &icon, const QString &text, const QKeySequence &key, const QString &tip, const char *name) {
        auto *a = new QAction(icon.isEmpty() ? QIcon() : Icons::icon(icon), text, this);
        a->setObjectName(QString::fromLatin1(name));
        if (!key.isEmpty())
            a->setShortcut(key);
        a->setToolTip(key.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        a->setStatusTip(tip);
        return a;
    };
    m_quitAction = make({}, tr("&Quit"), QKeySequence::Quit, tr("Quit the studio"), "quitAction");
    m_undoAction = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setIcon(Icons::icon(QStringLiteral("undo")));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setIcon(Icons::icon(QStringLiteral("redo")));
    // Every usual redo key, each once (a key listed twice is ambiguous and then does nothing).
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &key : {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)})
        if (!redoKeys.contains(key))
            redoKeys.append(key);
    m_redoAction->setShortcuts(redoKeys);
    m_renderAction = make(QStringLiteral("render"), tr("&Render Video"), QKeySequence(Qt::CTRL | Qt::Key_Return),
                          tr("Render the video"), "renderAction");
    m_cancelAction = make(QStringLiteral("cancel"), tr("&Cancel Render"), QKeySequence(Qt::CTRL | Qt::Key_Period),
                          tr("Stop the render; finished pieces are kept"), "cancelRenderAction");
    m_settingsAction = make(QStringLiteral("settings"), tr("&Settings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma),
                            tr("Voice, captions, appearance, speed and the AI service"), "settingsAction");
    m_aboutAction = make(QStringLiteral("about"), tr("&About DIY Video Studio"), {}, tr("Version and licences"), "aboutAction");

    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_renderAction, &QAction::triggered, this, &MainWindow::startRender);
    connect(m_cancelAction, &QAction::triggered, m_render, &RenderController::cancel);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setIconSize(QSize(20, 20));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_projects->newAction());
    toolbar->addAction(m_projects->openAction());
    toolbar->addAction(m_projects->saveAction());
    toolbar->addSeparator();
    toolbar->addAction(m_undoAction);
    toolbar->addAction(m_redoAction);
    toolbar->addSeparator();
    toolbar->addAction(m_renderAction);
    toolbar->addAction(m_cancelAction);
    auto *spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    toolbar->addAction(m_settingsAction);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_projects->newAction());
    file->addAction(m_projects->openAction());
    QMenu *recent = file->addMenu(tr("Open &Recent"));
    recent->setObjectName(QStringLiteral("recentMenu"));
    m_projects->setRecentMenu(recent);
    file->addAction(m_projects->exampleAction());
    file->addSeparator();
    file->addAction(m_projects->saveAction());
    file->addAction(m_projects->saveAsAction());
    file->addSeparator();
    file->addAction(m_videoActions->saveAsAction());
    file->addAction(m_videoActions->showInFolderAction());
    file->addAction(m_videoActions->copyPathAction());
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_settingsAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < StageRailModel::StageCount; ++i) {
        auto *go = view->addAction(StageRailModel::title(StageRailModel::Stage(i)));
        go->setObjectName(QStringLiteral("goToStage%1Action").arg(i));
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(go, &QAction::triggered, this, [this, i] { showPage(pageForStage(i)); });
    }
    view->addSeparator();
    QAction *logAction = m_logDock->toggleViewAction();
    logAction->setObjectName(QStringLiteral("showLogAction"));
    logAction->setIcon(Icons::icon(QStringLiteral("log")));
    logAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    view->addAction(logAction);

    QMenu *render = menuBar()->addMenu(tr("&Render"));
    render->addAction(m_renderAction);
    render->addAction(m_cancelAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
}

void MainWindow::showPage(Page page)
{
    if (!m_document->isOpen())
        page = WelcomePage;
    m_pages->setCurrentIndex(page);
    m_rail->selectStage(stageForPage(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

bool MainWindow::openProject(const QString &folder)
{
    return m_projects->openProject(folder);
}

bool MainWindow::openExample()
{
    return m_projects->openExample();
}

void MainWindow::newProject()
{
    m_projects->newProject();
}

void MainWindow::setProjectsRoot(const QString &folder)
{
    m_projects->setProjectsRoot(folder);
}

QString MainWindow::exampleSource()
{
    return ProjectActions::exampleSource();
}

void MainWindow::refreshTitle()
{
    const bool open = m_document->isOpen();
    const Project &p = m_document->project();
    setWindowTitle(open ? QStringLiteral("%1[*] — %2").arg(p.name, tr("DIY Video Studio")) : tr("DIY Video Studio"));
    setWindowModified(m_document->isModified());
    m_statusProject->setText(open ? QDir::toNativeSeparators(m_document->folder()) : tr("No project open"));
    m_statusSaved->setText(!open ? QString() : m_document->isModified() ? tr("Edited · autosaved") : tr("Saved"));
    m_projects->saveAction()->setEnabled(open);
    m_projects->saveAsAction()->setEnabled(open);
    const FieldProblems blockers = open ? p.renderBlockers() : FieldProblems{};
    m_renderAction->setEnabled(open && p.script.has_value() && !m_render->isRunning() && !m_production->isRunning());
    m_renderAction->setToolTip(blockers.isEmpty() ? tr("Render the video (Ctrl+Return)")
                                                  : tr("Not ready to render: %1").arg(blockers.first().message));
    m_cancelAction->setEnabled(m_render->isRunning());
}

void MainWindow::refreshRail()
{
    m_rail->refresh();
}

void MainWindow::startRender()
{
    if (!m_document->isOpen() || m_render->isRunning())
        return;
    if (m_production->isRunning()) {
        m_windowMessage->showMessage(InlineMessage::Level::Info,
                                     tr("The AI is still drawing pictures. Render when it is done, or cancel it first."));
        return;
    }
    m_render->setParallelJobs(m_settings->parallelJobs());
    showPage(RenderPageIndex);
    // The render page lists what blocks the render when the project is not ready.
    if (m_render->start())
        refreshTitle();
}

void MainWindow::onRenderFinished(const diy::Result<diy::RenderSummary> &result)
{
    refreshTitle();
    refreshRail();
    if (!result)
        return;
    const Status saved = m_document->save();
    if (!saved)
        m_windowMessage->showError(saved.error());
    QList<qint64> starts;
    QStringList names;
    if (!result->checks.is_null()) // null: rendered with the checks off
        sceneMarks(TechnicalReport::fromJson(result->checks), &starts, &names);
    m_player->openVideo(result->outputPath, starts, names);
    showPage(WatchPageIndex);
}

void MainWindow::openVideoInPlayer()
{
    const Project &p = m_document->project();
    if (!p.lastRender) {
        m_player->clear();
        return;
    }
    const QDir folder(m_document->folder());
    const QString video = folder.filePath(p.lastRender->output);
    if (!QFileInfo::exists(video)) {
        m_player->clear();
        return;
    }
    QList<qint64> starts;
    QStringList names;
    if (!p.lastRender->reportFile.isEmpty())
        sceneMarks(TechnicalReport::read(folder.filePath(p.lastRender->reportFile)), &starts, &names);
    if (m_player->currentFile() != video)
        m_player->openVideo(video, starts, names);
}

void MainWindow::showSettings()
{
    if (!m_settingsDialog) {
        m_settingsDialog = new SettingsDialog(m_settings, this);
        connect(m_settingsDialog, &SettingsDialog::settingsApplied, this, [this] {
            Theme::apply(m_settings->theme());
            m_render->setParallelJobs(m_settings->parallelJobs());
            // A new gateway address applies to the next request (reviews, queued feedback).
            if (m_gateway) {
                TensorZeroClient::Options options = m_gateway->options();
                options.baseUrl = GatewayAddress::resolve({}, m_settings->gatewayUrl());
                m_gateway->setOptions(options);
            }
        });
        for (ImageGenerator *generator : std::as_const(m_imageGenerators)) {
            auto *page = new ProviderKeyPage(m_keys, generator);
            m_settingsDialog->addPage(page, page->title());
        }
    }
    m_settingsDialog->load();
    m_settingsDialog->open();
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About DIY Video Studio"));
    box->setIconPixmap(Icons::icon(QStringLiteral("app")).pixmap(64, 64));
    box->setText(tr("<h3>DIY Video Studio %1</h3>").arg(QStringLiteral(DIY_VERSION)));
    box->setInformativeText(tr("Turns a one-line brief into a narrated, captioned DIY tutorial video.<br><br>"
                               "Built with Qt %1, FFmpeg and espeak-ng. AI stages through a TensorZero gateway.")
                                .arg(QString::fromLatin1(qVersion())));
    box->setStandardButtons(QMessageBox::Close);
    box->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_render->isRunning())
        m_render->cancel();
    m_production->cancel(); // finished work is kept; what arrived lands in the project before the save
    if (m_document->isModified()) {
        // Edits autosave: closing keeps them.
        const Status status = m_document->save();
        if (!status) {
            m_windowMessage->showMessage(
                InlineMessage::Level::Error,
                tr("Could not save before closing: %1 Your edits are still in the autosave file.").arg(status.error().message));
        }
    }
    m_settings->setValue(StudioSettings::Key::WindowGeometry, saveGeometry());
    m_settings->setValue(StudioSettings::Key::WindowState, saveState());
    m_settings->sync();
    QMainWindow::closeEvent(event);
}

void MainWindow::setImageProviders(ApiKeyStore *keys, const QList<ImageGenerator *> &generators)
{
    m_keys = keys;
    m_imageGenerators = generators;
    m_production->setServices(m_gateway, keys);
}

void MainWindow::setAiServices(TensorZeroClient *client, FeedbackOutbox *outbox)
{
    if (m_aiReview)
        return;
    m_gateway = client;
    m_production->setServices(client, m_keys);
    m_aiReview = new AiReviewPanel(m_document, client, outbox, this);
    m_player->setFeedbackWidget(m_aiReview);
}

} // namespace diy::ui
