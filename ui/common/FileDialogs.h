#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QWidget;

namespace diy::ui {

/// Non-blocking file dialogs (QFileDialog::open, never exec) with a test hook: when a hook is set,
/// it answers instead of a dialog, so tests never open a native window.
class FileDialogs {
public:
    enum class Kind { OpenFile, SaveFile, Directory };
    /// Returns the chosen path, or empty for "cancelled".
    using Hook = std::function<QString(Kind kind, const QString &purpose)>;

    static void setTestHook(Hook hook);

    /// `purpose` names the request ("replace-image", "import-script", …) for the hook.
    static void openFile(QWidget *parent, const QString &purpose, const QString &caption, const QString &filter, QObject *context,
                         std::function<void(const QString &)> onChosen);
    static void saveFile(QWidget *parent, const QString &purpose, const QString &caption, const QString &filter, QObject *context,
                         std::function<void(const QString &)> onChosen);
    static void directory(QWidget *parent, const QString &purpose, const QString &caption, QObject *context,
                          std::function<void(const QString &)> onChosen);
};

} // namespace diy::ui
