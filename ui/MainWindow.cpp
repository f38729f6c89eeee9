#include "MainWindow.h"

#include "brief/BriefPage.h"
#include "common/FileDialogs.h"
#include "common/Icons.h"
#include "common/InlineMessage.h"
#include "common/LogView.h"
#include "common/ProjectDocument.h"
#include "common/Theme.h"
#include "feedback/AiReviewPanel.h"
#include "media/TechnicalReport.h"
#include "tensorzero/GatewayAddress.h"
#include "tensorzero/TensorZeroClient.h"
#include "util/BackgroundPool.h"
#include "feedback/FeedbackPanel.h"
#include "images/ImagesPage.h"
#include "images/ThumbnailCache.h"
#include "player/PlayerPage.h"
#include "progress/RenderController.h"
#include "progress/RenderPage.h"
#include "progress/StageRailDelegate.h"
#include "progress/StageRailModel.h"
#include "script/ScriptPage.h"
#include "settings/SettingsDialog.h"
#include "settings/StudioSettings.h"
#include "store/ProjectStore.h"
#include "util/AtomicFile.h"
#include "util/DataDir.h"
#include "util/Log.h"

#include <nlohmann/json.hpp>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace diy::ui {

namespace {

QString defaultProjectsRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QStringLiteral("/DIY Video Studio");
}

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

} // namespace

MainWindow::MainWindow(StudioSettings *settings, FeedbackTransport *feedback, QWidget *parent)
    : QMainWindow(parent), m_settings(settings), m_document(new ProjectDocument(this)), m_thumbnails(new ThumbnailCache(this)),
      m_render(new RenderController(m_document, this)), m_railModel(new StageRailModel(this)), m_rail(new QListView(this)),
      m_pages(new QStackedWidget(this)), m_windowMessage(new InlineMessage(this)), m_recoveryBanner(new InlineMessage(this)),
      m_log(new LogView(this)), m_logDock(new QDockWidget(tr("Log"), this)), m_statusProject(new QLabel(this)),
      m_statusSaved(new QLabel(this)), m_projectsRoot(defaultProjectsRoot())
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("DIY Video Studio"));
    setWindowIcon(Icons::icon(QStringLiteral("app")));
    setMinimumSize(1024, 680);
    m_render->setParallelJobs(m_settings->parallelJobs());

    m_brief = new BriefPage(m_document, this);
    m_script = new ScriptPage(m_document, this);
    m_images = new ImagesPage(m_document, m_thumbnails, this);
    m_renderPage = new RenderPage(m_document, m_render, this);
    m_player = new PlayerPage(this);
    m_feedback = new FeedbackPanel(m_document, feedback, this);
    m_player->setFeedbackWidget(m_feedback);

    // Welcome page: what to do first.
    auto *welcome = new QWidget(this);
    welcome->setObjectName(QStringLiteral("welcomePage"));
    auto *wl = new QVBoxLayout(welcome);
    wl->addStretch(2);
    auto *title = new QLabel(tr("DIY Video Studio"), welcome);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 2.2);
    tf.setBold(true);
    title->setFont(tf);
    title->setAlignment(Qt::AlignCenter);
    auto *subtitle = new QLabel(tr("Turn a one-line brief into a narrated, captioned DIY tutorial video.\n"
                                   "Everything works offline: cards, espeak-ng narration and FFmpeg assembly."), welcome);
    subtitle->setAlignment(Qt::AlignCenter);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    auto makeButton = [welcome, buttons](const QString &icon, const QString &text, const char *name) {
        auto *b = new QPushButton(Icons::icon(icon), text, welcome);
        b->setObjectName(QString::fromLatin1(name));
        b->setAccessibleName(text);
        b->setIconSize(QSize(20, 20));
        b->setMinimumHeight(40);
        b->setMinimumWidth(190);
        buttons->addWidget(b);
        return b;
    };
    auto *exampleButton = makeButton(QStringLiteral("example"), tr("Open the example project"), "welcomeExampleButton");
    auto *newButton = makeButton(QStringLiteral("new"), tr("New project"), "welcomeNewButton");
    auto *openButton = makeButton(QStringLiteral("open"), tr("Open a project…"), "welcomeOpenButton");
    buttons->addStretch();
    wl->addWidget(title);
    wl->addSpacing(8);
    wl->addWidget(subtitle);
    wl->addSpacing(24);
    wl->addLayout(buttons);
    wl->addStretch(3);
    connect(exampleButton, &QPushButton::clicked, this, [this] { openExample(); });
    connect(newButton, &QPushButton::clicked, this, &MainWindow::newProject);
    connect(openButton, &QPushButton::clicked, this, &MainWindow::openProjectDialog);

    m_pages->setObjectName(QStringLiteral("pageStack"));
    m_pages->addWidget(welcome);
    m_pages->addWidget(m_brief);
    m_pages->addWidget(m_script);
    m_pages->addWidget(m_images);
    m_pages->addWidget(m_renderPage);
    m_pages->addWidget(m_player);

    m_rail->setObjectName(QStringLiteral("stageRail"));
    m_rail->setAccessibleName(tr("Stages"));
    m_rail->setModel(m_railModel);
    m_rail->setItemDelegate(new StageRailDelegate(m_rail));
    m_rail->setFixedWidth(236);
    m_rail->setFrameShape(QFrame::NoFrame);
    m_rail->setMouseTracking(true);
    m_rail->setSpacing(1);
    m_rail->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rail->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rail->setToolTip(tr("Stages: click one to open its page (Ctrl+1…Ctrl+5)"));
    QPalette railPalette = m_rail->palette();
    railPalette.setColor(QPalette::Base, railPalette.color(QPalette::Window));
    m_rail->setPalette(railPalette);
    m_rail->setAutoFillBackground(true);
    connect(m_rail->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (current.isValid() && m_document->isOpen())
            m_pages->setCurrentIndex(current.row() + 1);
    });

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
    setCentralWidget(central);

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
    connect(m_renderPage, &RenderPage::cancelRequested, m_render, &RenderController::cancel);
    connect(m_renderPage, &RenderPage::watchRequested, this, [this] {
        openVideoInPlayer();
        showPage(WatchPageIndex);
    });

    const QByteArray geometry = m_settings->value(StudioSettings::Key::WindowGeometry).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1280, 800);
    restoreState(m_settings->value(StudioSettings::Key::WindowState).toByteArray());

    refreshRail();
    refreshTitle();
    refreshRecentMenu();
    showPage(WelcomePage);
}

MainWindow::~MainWindow()
{
    // Thumbnails and plans still being made paint with fonts that die with the application.
    BackgroundPool::drain();
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
    m_newAction = make(QStringLiteral("new"), tr("&New Project"), QKeySequence::New, tr("Start a new project"), "newAction");
    m_openAction = make(QStringLiteral("open"), tr("&Open Project…"), QKeySequence::Open, tr("Open a project folder"), "openAction");
    m_exampleAction = make(QStringLiteral("example"), tr("Open &Example Project"), {}, tr("Open the paper airplanes example"),
                           "openExampleAction");
    m_saveAction = make(QStringLiteral("save"), tr("&Save"), QKeySequence::Save, tr("Save the project"), "saveAction");
    m_saveAsAction = make(QStringLiteral("save-as"), tr("Save &As…"), QKeySequence::SaveAs, tr("Save the project in another folder"),
                          "saveAsAction");
    m_quitAction = make({}, tr("&Quit"), QKeySequence::Quit, tr("Quit the studio"), "quitAction");
    m_undoAction = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setIcon(Icons::icon(QStringLiteral("undo")));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setIcon(Icons::icon(QStringLiteral("redo")));
    m_redoAction->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_renderAction = make(QStringLiteral("render"), tr("&Render Video"), QKeySequence(Qt::CTRL | Qt::Key_Return),
                          tr("Render the video"), "renderAction");
    m_cancelAction = make(QStringLiteral("cancel"), tr("&Cancel Render"), QKeySequence(Qt::CTRL | Qt::Key_Period),
                          tr("Stop the render; finished pieces are kept"), "cancelRenderAction");
    m_settingsAction = make(QStringLiteral("settings"), tr("&Settings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma),
                            tr("Gateway, parallel jobs, voice, captions, theme"), "settingsAction");
    m_aboutAction = make(QStringLiteral("about"), tr("&About DIY Video Studio"), {}, tr("Version and licences"), "aboutAction");

    connect(m_newAction, &QAction::triggered, this, &MainWindow::newProject);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openProjectDialog);
    connect(m_exampleAction, &QAction::triggered, this, [this] { openExample(); });
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::saveProject);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveProjectAs);
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
    toolbar->addAction(m_newAction);
    toolbar->addAction(m_openAction);
    toolbar->addAction(m_saveAction);
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
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addAction(m_exampleAction);
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
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
        connect(go, &QAction::triggered, this, [this, i] { showPage(Page(i + 1)); });
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
    if (page == WelcomePage)
        m_rail->clearSelection();
    else
        m_rail->setCurrentIndex(m_railModel->index(page - 1));
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

bool MainWindow::openProject(const QString &folder)
{
    if (m_render->isRunning()) {
        m_windowMessage->showMessage(InlineMessage::Level::Warning, tr("A render is running. Cancel it before opening another project."));
        return false;
    }
    FieldProblems problems;
    auto loaded = ProjectStore::load(folder, &problems);
    if (!loaded) {
        QString text = loaded.error().message;
        if (!problems.isEmpty())
            text += QLatin1Char(' ') + tr("First problem: %1 — %2").arg(problems.first().path, problems.first().message);
        m_windowMessage->showMessage(InlineMessage::Level::Error, text, loaded.error().detail);
        m_settings->removeRecentProject(folder);
        refreshRecentMenu();
        return false;
    }
    if (m_document->isOpen() && m_document->isModified()) {
        const Status saved = m_document->save();
        if (!saved) {
            m_windowMessage->showError(saved.error());
            return false;
        }
    }
    m_windowMessage->clear();
    m_recoveryBanner->clear();
    m_thumbnails->clear();
    m_player->clear();
    m_document->setProject(*loaded, folder);
    m_settings->addRecentProject(folder);
    refreshRecentMenu();
    logInfo(QStringLiteral("Studio: opened %1").arg(folder));
    offerRecovery();
    openVideoInPlayer();
    showPage(m_document->project().script ? ScriptPageIndex : BriefPageIndex);
    return true;
}

void MainWindow::offerRecovery()
{
    QDateTime when;
    const auto recovered = ProjectDocument::findRecovery(m_document->folder(), m_document->project(), &when);
    if (!recovered)
        return;
    m_recoveryBanner->showMessage(InlineMessage::Level::Warning,
                                  tr("Unsaved edits from %1 were found (the studio did not close normally). Recover them?")
                                      .arg(QLocale().toString(when, QLocale::ShortFormat)));
    auto *recover = m_recoveryBanner->addAction(tr("Recover"), QStringLiteral("recoverButton"));
    auto *discard = m_recoveryBanner->addAction(tr("Discard"), QStringLiteral("discardRecoveryButton"));
    const Project value = *recovered;
    connect(recover, &QPushButton::clicked, this, [this, value] {
        m_recoveryBanner->clear();
        m_document->edit(tr("Recover unsaved edits"), ProjectDocument::AllAspects, [&](Project &p) { p = value; });
        m_windowMessage->showMessage(InlineMessage::Level::Success, tr("Unsaved edits recovered. Undo (Ctrl+Z) goes back to the saved project."));
    });
    connect(discard, &QPushButton::clicked, this, [this] {
        m_recoveryBanner->clear();
        m_document->discardRecovery();
    });
}

QString MainWindow::exampleSource()
{
    const Result<QString> project = DataDir::find(QStringLiteral("examples/paper-airplanes/project.json"));
    if (!project) {
        logWarning(project.error().toString());
        return {};
    }
    return QFileInfo(*project).absolutePath();
}

bool MainWindow::openExample()
{
    const QString source = exampleSource();
    if (source.isEmpty()) {
        m_windowMessage->showMessage(InlineMessage::Level::Error, tr("The example project is not installed. Reinstall DIY Video Studio."));
        return false;
    }
    // The bundled copy stays pristine: the creator works on a copy in their projects folder.
    const QString target = m_projectsRoot + QStringLiteral("/Paper airplanes example");
    if (!QFileInfo::exists(target + QStringLiteral("/project.json"))) {
        QDir().mkpath(target);
        const auto bytes = AtomicFile::read(source + QStringLiteral("/project.json"));
        Status status = bytes ? AtomicFile::write(target + QStringLiteral("/project.json"), *bytes) : Status(bytes.error());
        if (status) {
            QDir assets(source + QStringLiteral("/assets/images"));
            QDir().mkpath(target + QStringLiteral("/assets/images"));
            for (const QString &name : assets.entryList(QDir::Files))
                QFile::copy(assets.filePath(name), target + QStringLiteral("/assets/images/") + name);
        }
        if (!status) {
            m_windowMessage->showError(status.error());
            return false;
        }
    }
    return openProject(target);
}

void MainWindow::newProject()
{
    QDir().mkpath(m_projectsRoot);
    QString folder;
    for (int n = 1; n < 1000; ++n) {
        folder = m_projectsRoot + (n == 1 ? tr("/Untitled project") : tr("/Untitled project %1").arg(n));
        if (!QFileInfo::exists(folder))
            break;
    }
    Brief brief;
    brief.description = tr("how to make something fun");
    brief.voice = m_settings->voice();
    brief.captionStyle = m_settings->captionStyle();
    Project project = Project::create(QFileInfo(folder).fileName(), brief);
    const Status status = ProjectStore::save(project, folder);
    if (!status) {
        m_windowMessage->showError(status.error());
        return;
    }
    if (openProject(folder)) {
        showPage(BriefPageIndex);
        m_windowMessage->showMessage(InlineMessage::Level::Info,
                                     tr("New project in %1. Describe the video, then write or import a script.").arg(QDir::toNativeSeparators(folder)));
    }
}

void MainWindow::openProjectDialog()
{
    FileDialogs::directory(this, QStringLiteral("open-project"), tr("Open a project folder"), this,
                           [this](const QString &folder) { openProject(folder); });
}

void MainWindow::saveProject()
{
    const Status status = m_document->save();
    if (!status)
        m_windowMessage->showError(status.error());
    else
        statusBar()->showMessage(tr("Saved"), 3000);
}

void MainWindow::saveProjectAs()
{
    if (!m_document->isOpen())
        return;
    FileDialogs::directory(this, QStringLiteral("save-project-as"), tr("Save the project in a folder"), this, [this](const QString &folder) {
        const Status status = m_document->saveAs(folder);
        if (!status) {
            m_windowMessage->showError(status.error());
            return;
        }
        m_settings->addRecentProject(folder);
        refreshRecentMenu();
        m_render->refreshPlan();
        refreshTitle();
    });
}

void MainWindow::refreshRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = m_settings->recentProjects();
    for (const QString &folder : recent) {
        auto *a = m_recentMenu->addAction(QFileInfo(folder).fileName());
        a->setToolTip(folder);
        a->setStatusTip(folder);
        connect(a, &QAction::triggered, this, [this, folder] { openProject(folder); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::refreshTitle()
{
    const bool open = m_document->isOpen();
    const Project &p = m_document->project();
    setWindowTitle(open ? QStringLiteral("%1[*] — %2").arg(p.name, tr("DIY Video Studio")) : tr("DIY Video Studio"));
    setWindowModified(m_document->isModified());
    m_statusProject->setText(open ? QDir::toNativeSeparators(m_document->folder()) : tr("No project open"));
    m_statusSaved->setText(!open ? QString() : m_document->isModified() ? tr("Edited · autosaved") : tr("Saved"));
    m_saveAction->setEnabled(open);
    m_saveAsAction->setEnabled(open);
    m_renderAction->setEnabled(open && p.script.has_value() && !m_render->isRunning());
    m_cancelAction->setEnabled(m_render->isRunning());
}

void MainWindow::refreshRail()
{
    const Project &p = m_document->project();
    const bool open = m_document->isOpen();
    using S = StageRailModel::Status;

    S brief;
    if (open) {
        const FieldProblems problems = p.brief.validate();
        brief.state = problems.isEmpty() ? StageState::Done : StageState::Failed;
        brief.detail = problems.isEmpty() ? p.brief.format.displayName() + QStringLiteral(" · ") + p.brief.voice
                                          : problems.first().message;
    }
    m_railModel->setStatus(StageRailModel::Brief, brief);

    S script;
    if (open && p.script) {
        const FieldProblems problems = p.script->validate();
        script.state = problems.isEmpty() ? StageState::Done : StageState::Failed;
        const double seconds = p.script->spokenWordCount() * 60.0 / std::max(1, p.brief.speechRate);
        script.detail = problems.isEmpty()
                            ? tr("%n steps", nullptr, int(p.script->steps.size())) + QStringLiteral(" · ")
                                  + tr("%1 spoken").arg(formatDurationMs(qint64(seconds * 1000)))
                            : QStringLiteral("%1: %2").arg(problems.first().path, problems.first().message);
    } else if (open) {
        script.detail = tr("Write or import a script");
    }
    m_railModel->setStatus(StageRailModel::Script, script);

    S images;
    if (open && p.script) {
        images.state = StageState::Done;
        int own = 0, locked = 0;
        for (const SceneImage &img : p.sceneImages) {
            own += img.source != SceneImage::Source::Card;
            locked += img.locked;
        }
        images.detail = tr("%1 scenes · %2 photos · %3 locked").arg(p.sceneImages.size()).arg(own).arg(locked);
    }
    m_railModel->setStatus(StageRailModel::Images, images);

    S render;
    if (open) {
        render.state = m_render->state();
        if (m_render->isRunning()) {
            render.progress = m_render->progress();
            render.elapsedMs = m_render->elapsedMs();
            render.etaMs = m_render->etaMs();
            render.detail = m_render->currentLabel();
        } else if (render.state == StageState::Failed) {
            render.detail = m_render->lastError().message;
        } else if (render.state == StageState::Stale) {
            render.detail = tr("Edited since the last render");
        } else if (render.state == StageState::Done && m_render->elapsedMs() >= 0) {
            render.detail = tr("Took %1").arg(formatDurationMs(m_render->elapsedMs()));
        } else if (render.state == StageState::Done) {
            render.detail = tr("Up to date");
        } else if (!p.script) {
            render.detail = tr("Needs a script");
        }
    }
    m_railModel->setStatus(StageRailModel::Render, render);

    S watch;
    if (open && p.lastRender) {
        const bool exists = QFileInfo::exists(QDir(m_document->folder()).filePath(p.lastRender->output));
        const bool upToDate = m_render->hasPlan() ? m_render->plan().upToDate() : true;
        watch.state = !exists ? StageState::Waiting : upToDate ? StageState::Done : StageState::Stale;
        watch.detail = !exists ? tr("The video file is missing") : p.feedback.vote.isEmpty() ? tr("Not rated yet")
                                                               : p.feedback.vote == QStringLiteral("up") ? tr("Rated: good")
                                                                                                         : tr("Rated: not good");
    }
    m_railModel->setStatus(StageRailModel::Watch, watch);
    m_rail->viewport()->update();
}

void MainWindow::startRender()
{
    if (!m_document->isOpen() || m_render->isRunning())
        return;
    m_render->setParallelJobs(m_settings->parallelJobs());
    m_render->start();
    showPage(RenderPageIndex);
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
    if (m_document->isModified()) {
        // Edits autosave: closing keeps them.
        const Status status = m_document->save();
        if (!status) {
            m_windowMessage->showMessage(InlineMessage::Level::Error,
                                         tr("Could not save before closing: %1 Your edits are still in the autosave file.")
                                             .arg(status.error().message));
        }
    }
    m_settings->setValue(StudioSettings::Key::WindowGeometry, saveGeometry());
    m_settings->setValue(StudioSettings::Key::WindowState, saveState());
    m_settings->sync();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        QPalette railPalette = m_rail->palette();
        railPalette.setColor(QPalette::Base, palette().color(QPalette::Window));
        m_rail->setPalette(railPalette);
    }
}

} // namespace diy::ui

namespace diy::ui {

void MainWindow::setAiServices(TensorZeroClient *client, FeedbackOutbox *outbox)
{
    if (m_aiReview)
        return;
    m_gateway = client;
    m_aiReview = new AiReviewPanel(m_document, client, outbox, this);
    m_player->setFeedbackWidget(m_aiReview);
}

} // namespace diy::ui
