#include "project/ProjectActions.h"

#include "util/DataDir.h"
#include "util/Log.h"

#include "common/FileDialogs.h"
#include "common/Icons.h"
#include "common/InlineMessage.h"
#include "common/Plural.h"
#include "common/ProjectDocument.h"
#include "common/ProjectOpenCheck.h"
#include "progress/RenderController.h"
#include "project/NewProjectDialog.h"
#include "settings/StudioSettings.h"
#include "store/ProjectStore.h"
#include "util/AtomicFile.h"
#include "util/Log.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QStandardPaths>

namespace diy::ui {

namespace {

QAction *makeAction(QObject *parent, const QString &icon, const QString &text, const QKeySequence &key, const QString &tip,
                    const char *name)
{
    auto *a = new QAction(icon.isEmpty() ? QIcon() : Icons::icon(icon), text, parent);
    a->setObjectName(QString::fromLatin1(name));
    if (!key.isEmpty())
        a->setShortcut(key);
    a->setToolTip(key.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    a->setStatusTip(tip);
    return a;
}

} // namespace

ProjectActions::ProjectActions(ProjectDocument *document, StudioSettings *settings, RenderController *render,
                               InlineMessage *message, InlineMessage *recoveryBanner, QWidget *window)
    : QObject(window), m_document(document), m_settings(settings), m_render(render), m_message(message),
      m_recoveryBanner(recoveryBanner), m_window(window), m_openCheck(new ProjectOpenCheck(this)),
      m_projectsRoot(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QStringLiteral("/DIY Video Studio"))
{
    m_new = makeAction(this, QStringLiteral("new"), tr("&New Project…"), QKeySequence::New, tr("Start a new project"), "newAction");
    m_open = makeAction(this, QStringLiteral("open"), tr("&Open Project…"), QKeySequence::Open, tr("Open a project folder"),
                        "openAction");
    m_example = makeAction(this, QStringLiteral("example"), tr("Open &Example Project"), {},
                           tr("Open the paper airplanes example"), "openExampleAction");
    m_save = makeAction(this, QStringLiteral("save"), tr("&Save"), QKeySequence::Save, tr("Save the project"), "saveAction");
    m_saveAs = makeAction(this, QStringLiteral("save-as"), tr("Save &As…"), QKeySequence::SaveAs,
                          tr("Save the project in another folder"), "saveAsAction");
    connect(m_new, &QAction::triggered, this, &ProjectActions::newProject);
    connect(m_open, &QAction::triggered, this, &ProjectActions::openProjectDialog);
    connect(m_example, &QAction::triggered, this, [this] { openExample(); });
    connect(m_save, &QAction::triggered, this, &ProjectActions::saveProject);
    connect(m_saveAs, &QAction::triggered, this, &ProjectActions::saveProjectAs);
    connect(m_openCheck, &ProjectOpenCheck::finished, this, &ProjectActions::onOpenCheckFinished);
}

void ProjectActions::setRecentMenu(QMenu *menu)
{
    m_recentMenu = menu;
    refreshRecentMenu();
}

bool ProjectActions::openProject(const QString &folder)
{
    if (m_render->isRunning()) {
        m_message->showMessage(InlineMessage::Level::Warning,
                               tr("A render is running. Cancel it before opening another project."));
        return false;
    }
    FieldProblems problems;
    auto loaded = ProjectStore::load(folder, &problems);
    if (!loaded) {
        QString text = loaded.error().message;
        if (!problems.isEmpty())
            text += QLatin1Char(' ') + tr("First problem: %1 — %2").arg(problems.first().path, problems.first().message);
        m_message->showMessage(InlineMessage::Level::Error, text, loaded.error().detail);
        m_settings->removeRecentProject(folder);
        refreshRecentMenu();
        return false;
    }
    if (m_document->isOpen() && m_document->isModified()) {
        const Status saved = m_document->save();
        if (!saved) {
            m_message->showError(saved.error());
            return false;
        }
    }
    m_message->clear();
    m_recoveryBanner->clear();
    emit aboutToOpen();
    m_document->setProject(*loaded, folder);
    m_settings->addRecentProject(folder);
    refreshRecentMenu();
    logInfo(QStringLiteral("Studio: opened %1").arg(folder));
    offerRecovery();
    // Pictures are decoded and work files swept off the GUI thread; the project is usable meanwhile.
    m_openCheck->start(*loaded, folder);
    emit opened();
    return true;
}

void ProjectActions::onOpenCheckFinished(const QString &folder, const FieldProblems &problems, int sweptFiles)
{
    if (!m_document->isOpen() || m_document->folder() != folder)
        return; // another project was opened meanwhile
    if (sweptFiles > 0)
        emit statusMessage(countText(sweptFiles, tr("Removed a work file left by an interrupted render"),
                                     tr("Removed %1 work files left by an interrupted render")));
    if (!problems.isEmpty()) {
        m_message->showMessage(InlineMessage::Level::Warning, ProjectOpenCheck::describe(m_document->project(), problems),
                               problemLines(problems).join(QLatin1Char('\n')));
        logWarning(QStringLiteral("Studio: %1 has %2 unusable file(s): %3")
                       .arg(folder)
                       .arg(problems.size())
                       .arg(problemLines(problems).join(QStringLiteral("; "))));
    }
    emit openCheckFinished(folder, problems, sweptFiles);
}

void ProjectActions::offerRecovery()
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
        m_message->showMessage(InlineMessage::Level::Success,
                               tr("Unsaved edits recovered. Undo (Ctrl+Z) goes back to the saved project."));
    });
    connect(discard, &QPushButton::clicked, this, [this] {
        m_recoveryBanner->clear();
        m_document->discardRecovery();
    });
}

QString ProjectActions::exampleSource()
{
    const Result<QString> project = DataDir::find(QStringLiteral("examples/paper-airplanes/project.json"));
    if (!project) {
        logWarning(project.error().toString());
        return {};
    }
    return QFileInfo(*project).absolutePath();
}

bool ProjectActions::openExample()
{
    const QString source = exampleSource();
    if (source.isEmpty()) {
        m_message->showMessage(InlineMessage::Level::Error,
                               tr("The example project is not installed. Reinstall DIY Video Studio."));
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
            m_message->showError(status.error());
            return false;
        }
    }
    return openProject(target);
}

void ProjectActions::newProject()
{
    if (m_newDialog && m_newDialog->isVisible()) {
        m_newDialog->raise();
        return;
    }
    m_newDialog = new NewProjectDialog(m_window);
    m_newDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_newDialog, &NewProjectDialog::createRequested, this,
            [this](const QString &name, const QString &description, const QString &pictures, bool aiScript) {
                createProject(name, description, pictures, aiScript);
            });
    m_newDialog->open();
}

bool ProjectActions::createProject(const QString &name, const QString &description, const QString &imageProvider, bool aiScript)
{
    QDir().mkpath(m_projectsRoot);
    const QString base = name.trimmed().isEmpty() ? tr("Untitled project") : name.trimmed();
    QString folder;
    for (int n = 1; n < 1000; ++n) {
        folder = m_projectsRoot + QLatin1Char('/') + (n == 1 ? base : QStringLiteral("%1 %2").arg(base).arg(n));
        if (!QFileInfo::exists(folder))
            break;
    }
    Brief brief;
    brief.description = description.trimmed().isEmpty() ? tr("how to make something fun") : description.trimmed();
    brief.voice = m_settings->voice();
    brief.captionStyle = m_settings->captionStyle();
    Project project = Project::create(QFileInfo(folder).fileName(), brief);
    project.imageProvider = imageProvider;
    const Status status = ProjectStore::save(project, folder);
    if (!status) {
        m_message->showError(status.error());
        return false;
    }
    if (!openProject(folder))
        return false;
    emit created();
    m_message->showMessage(
        InlineMessage::Level::Info,
        aiScript ? tr("New project in %1.").arg(QDir::toNativeSeparators(folder))
                 : tr("New project in %1. Check the brief, then write or import a script.").arg(QDir::toNativeSeparators(folder)));
    if (aiScript)
        emit aiScriptRequested();
    return true;
}

void ProjectActions::openProjectDialog()
{
    FileDialogs::directory(m_window, QStringLiteral("open-project"), tr("Open a project folder"), this,
                           [this](const QString &folder) { openProject(folder); });
}

void ProjectActions::saveProject()
{
    const Status status = m_document->save();
    if (!status)
        m_message->showError(status.error());
    else
        emit statusMessage(tr("Saved"));
}

void ProjectActions::saveProjectAs()
{
    if (!m_document->isOpen())
        return;
    FileDialogs::directory(m_window, QStringLiteral("save-project-as"), tr("Save the project in a folder"), this,
                           [this](const QString &folder) {
                               const Status status = m_document->saveAs(folder);
                               if (!status) {
                                   m_message->showError(status.error());
                                   return;
                               }
                               m_settings->addRecentProject(folder);
                               refreshRecentMenu();
                               m_render->refreshPlan();
                               emit statusMessage(tr("Saved in %1").arg(QDir::toNativeSeparators(folder)));
                           });
}

void ProjectActions::refreshRecentMenu()
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

} // namespace diy::ui
