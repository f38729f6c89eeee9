#pragma once

#include "model/Project.h"
#include "util/Result.h"

#include <QObject>
#include <QTimer>
#include <QUndoStack>

#include <functional>
#include <optional>

namespace diy::ui {

/// The open project: its value, its folder, the undo stack of every edit, and autosave.
///
/// Every creator edit goes through edit(), which pushes an undoable snapshot command. Edits are
/// autosaved (debounced, atomically) to a side file beside project.json; save() writes project.json
/// and removes the side file. A side file left by a crash is offered on the next open.
class ProjectDocument : public QObject {
    Q_OBJECT
public:
    enum Aspect { BriefAspect = 1, ScriptAspect = 2, ImagesAspect = 4, FeedbackAspect = 8, RenderAspect = 16, AllAspects = 31 };

    explicit ProjectDocument(QObject *parent = nullptr);

    bool isOpen() const { return m_open; }
    const Project &project() const { return m_project; }
    QString folder() const { return m_folder; }
    QUndoStack *undoStack() { return &m_undo; }
    bool isModified() const;

    /// Opens a project that is already loaded (clears undo history).
    void setProject(const Project &project, const QString &folder);
    void close();

    /// An undoable edit. Consecutive edits with the same non-empty mergeKey become one undo step
    /// (typing in one field).
    void edit(const QString &text, int aspects, const std::function<void(Project &)> &change, const QString &mergeKey = {});
    /// A change that is not a creator edit (render results, feedback delivery): saved, not undoable.
    void update(int aspects, const std::function<void(Project &)> &change);

    Status save();
    Status saveAs(const QString &folder);

    static QString autosaveFile(const QString &folder);
    /// A recoverable autosave left by a crash (newer than project.json and different from it).
    static std::optional<Project> findRecovery(const QString &folder, const Project &onDisk, QDateTime *savedAt = nullptr);
    void discardRecovery();
    void setAutosaveDelay(int ms) { m_autosave.setInterval(ms); }
    /// Writes the autosave side file now (also called by the debounce timer).
    Status autosaveNow();

    /// Used by the undo commands.
    void applySnapshot(const Project &project, int aspects);

signals:
    void changed(int aspects);
    void opened();
    void closed();
    void modifiedChanged(bool modified);
    void saved();
    void autosaveFailed(const diy::Error &error);

private:
    void setExtraModified(bool modified);

    Project m_project;
    QString m_folder;
    bool m_open = false;
    bool m_extraModified = false;
    QUndoStack m_undo;
    QTimer m_autosave;
};

} // namespace diy::ui
