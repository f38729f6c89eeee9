#pragma once

#include "MainWindow.h"
#include "settings/StudioSettings.h"

#include <QTemporaryDir>

#include <memory>

namespace diy::test {

/// A studio window with its own settings file and projects folder in a temporary directory.
class StudioFixture {
public:
    explicit StudioFixture(ui::FeedbackTransport *feedback = nullptr);
    ~StudioFixture();

    ui::MainWindow *window() const { return m_window.get(); }
    QString root() const { return m_dir.path(); }
    /// Opens a copy of the bundled example; returns its folder.
    QString openExampleCopy();
    /// Opens a fresh project with a small script of `steps` steps (fast to render).
    QString openTinyProject(int steps = 3);

    template <typename T>
    T *find(const QString &name) const
    {
        return m_window->findChild<T *>(name);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ui::StudioSettings> m_settings;
    std::unique_ptr<ui::MainWindow> m_window;
};

void initStudioTests();

} // namespace diy::test
