#include "StudioFixture.h"

#include "ExampleProject.h"
#include "common/Icons.h"
#include "store/ProjectStore.h"
#include "util/Log.h"

#include <QDir>
#include <QtTest>

namespace diy::test {

void initStudioTests()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    ui::Icons::initResources();
    Log::Options options;
    Log::init(options);
}

StudioFixture::StudioFixture(ui::FeedbackTransport *feedback)
{
    initStudioTests();
    m_settings = std::make_unique<ui::StudioSettings>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_window = std::make_unique<ui::MainWindow>(m_settings.get(), feedback);
    m_window->setProjectsRoot(m_dir.filePath(QStringLiteral("projects")));
    m_window->resize(1280, 800);
    m_window->show();
}

StudioFixture::~StudioFixture()
{
    if (m_window)
        m_window->close();
}

QString StudioFixture::openExampleCopy()
{
    const QString folder = m_dir.filePath(QStringLiteral("example"));
    copyExampleTo(folder);
    if (!m_window->openProject(folder))
        qFatal("example did not open");
    return folder;
}

QString StudioFixture::openTinyProject(int steps)
{
    const QString folder = m_dir.filePath(QStringLiteral("tiny"));
    Brief brief;
    brief.description = QStringLiteral("a tiny test tutorial");
    brief.speechRate = 260;
    brief.targetDurationSeconds = 60;
    brief.expectedSteps = steps;
    Project project = Project::create(QStringLiteral("Tiny"), brief);
    project.script = minimalScript(steps);
    project.syncSceneImages();
    const Status saved = ProjectStore::save(project, folder);
    if (!saved)
        qFatal("could not save the tiny project: %s", qPrintable(saved.error().toString()));
    if (!m_window->openProject(folder))
        qFatal("tiny project did not open");
    return folder;
}

} // namespace diy::test
