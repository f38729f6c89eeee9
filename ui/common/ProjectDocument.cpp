#include "common/ProjectDocument.h"

#include "common/ProjectEditCommand.h"
#include "store/ProjectStore.h"
#include "util/AtomicFile.h"
#include "util/Log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace diy::ui {

ProjectDocument::ProjectDocument(QObject *parent) : QObject(parent)
{
    m_autosave.setSingleShot(true);
    m_autosave.setInterval(1500);
    connect(&m_autosave, &QTimer::timeout, this, [this] {
        const Status status = autosaveNow();
        if (!status)
            emit autosaveFailed(status.error());
    });
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this](bool) { emit modifiedChanged(isModified()); });
}

bool ProjectDocument::isModified() const
{
    return m_open && (!m_undo.isClean() || m_extraModified);
}

void ProjectDocument::setProject(const Project &project, const QString &folder)
{
    m_autosave.stop();
    m_undo.clear();
    m_project = project;
    m_project.syncSceneImages();
    m_folder = QDir::cleanPath(folder);
    m_open = true;
    m_extraModified = false;
    m_undo.setClean();
    emit opened();
    emit changed(AllAspects);
    emit modifiedChanged(false);
}

void ProjectDocument::close()
{
    m_autosave.stop();
    m_undo.clear();
    m_open = false;
    m_project = Project();
    m_folder.clear();
    m_extraModified = false;
    emit closed();
    emit changed(AllAspects);
    emit modifiedChanged(false);
}

void ProjectDocument::edit(const QString &text, int aspects, const std::function<void(Project &)> &change, const QString &mergeKey)
{
    if (!m_open)
        return;
    Project after = m_project;
    change(after);
    if (after == m_project)
        return;
    m_undo.push(new ProjectEditCommand(this, text, m_project, std::move(after), aspects, mergeKey));
}

void ProjectDocument::update(int aspects, const std::function<void(Project &)> &change)
{
    if (!m_open)
        return;
    Project after = m_project;
    change(after);
    if (after == m_project)
        return;
    m_project = std::move(after);
    setExtraModified(true);
    m_autosave.start();
    emit changed(aspects);
}

void ProjectDocument::applySnapshot(const Project &project, int aspects)
{
    m_project = project;
    m_autosave.start();
    emit changed(aspects);
    emit modifiedChanged(isModified());
}

Status ProjectDocument::save()
{
    if (!m_open)
        return Error::invalidInput(tr("There is no open project to save."));
    Project toSave = m_project;
    toSave.modifiedAt = QDateTime::currentDateTimeUtc();
    const Status status = ProjectStore::save(toSave, m_folder);
    if (!status)
        return status;
    m_project.modifiedAt = toSave.modifiedAt;
    m_autosave.stop();
    QFile::remove(autosaveFile(m_folder));
    m_undo.setClean();
    setExtraModified(false);
    logInfo(QStringLiteral("Saved project %1").arg(m_folder));
    emit saved();
    return {};
}

Status ProjectDocument::saveAs(const QString &folder)
{
    if (!m_open)
        return Error::invalidInput(tr("There is no open project to save."));
    const QString target = QDir::cleanPath(folder);
    if (QFileInfo::exists(ProjectStore::projectFile(target)) && target != m_folder)
        return Error::invalidInput(tr("That folder already holds a project. Choose an empty folder."));
    // Bring the assets along (images the creator imported, cached work).
    const QString from = ProjectStore::assetsDir(m_folder);
    const QString to = ProjectStore::assetsDir(target);
    if (QFileInfo::exists(from) && from != to) {
        QDir().mkpath(to);
        const QStringList dirs = {QStringLiteral("images")};
        for (const QString &sub : dirs) {
            QDir source(from + QLatin1Char('/') + sub);
            QDir().mkpath(to + QLatin1Char('/') + sub);
            for (const QString &name : source.entryList(QDir::Files))
                QFile::copy(source.filePath(name), to + QLatin1Char('/') + sub + QLatin1Char('/') + name);
        }
    }
    const QString old = m_folder;
    m_folder = target;
    const Status status = save();
    if (!status)
        m_folder = old;
    return status;
}

QString ProjectDocument::autosaveFile(const QString &folder)
{
    return folder + QStringLiteral("/project.autosave.json");
}

std::optional<Project> ProjectDocument::findRecovery(const QString &folder, const Project &onDisk, QDateTime *savedAt)
{
    const QFileInfo side(autosaveFile(folder));
    if (!side.exists())
        return std::nullopt;
    const auto bytes = AtomicFile::read(side.filePath(), ProjectStore::kMaxProjectFileBytes);
    if (!bytes)
        return std::nullopt;
    auto parsed = ProjectStore::parse(*bytes, side.fileName());
    if (!parsed || *parsed == onDisk)
        return std::nullopt;
    if (savedAt)
        *savedAt = side.lastModified();
    return *parsed;
}

void ProjectDocument::discardRecovery()
{
    if (m_open)
        QFile::remove(autosaveFile(m_folder));
}

Status ProjectDocument::autosaveNow()
{
    if (!m_open || !isModified())
        return {};
    return AtomicFile::write(autosaveFile(m_folder), ProjectStore::serialize(m_project));
}

void ProjectDocument::setExtraModified(bool modified)
{
    if (m_extraModified == modified)
        return;
    m_extraModified = modified;
    emit modifiedChanged(isModified());
}

} // namespace diy::ui
