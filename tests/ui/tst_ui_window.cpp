// The window: open, autosave to a side file, recovery offered on the next open, brief validation
// shown inline, settings validated, geometry persisted.
#include "StudioFixture.h"
#include "brief/BriefPage.h"
#include "common/InlineMessage.h"
#include "common/ProjectDocument.h"
#include "settings/StudioSettings.h"

#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStackedWidget>
#include <QtTest>

using namespace diy;
using namespace diy::ui;

class TestUiWindow : public QObject {
    Q_OBJECT
private slots:
    void railOpensPages()
    {
        test::StudioFixture f;
        QCOMPARE(f.window()->currentPage(), MainWindow::WelcomePage);
        f.openExampleCopy();
        auto *rail = f.find<QListView>(QStringLiteral("stageRail"));
        rail->setCurrentIndex(rail->model()->index(2, 0));
        QCOMPARE(f.window()->currentPage(), MainWindow::ImagesPageIndex);
        rail->setCurrentIndex(rail->model()->index(0, 0));
        QCOMPARE(f.window()->currentPage(), MainWindow::BriefPageIndex);
    }

    void briefValidationInline()
    {
        test::StudioFixture f;
        f.openExampleCopy();
        f.window()->showPage(MainWindow::BriefPageIndex);
        auto *description = f.find<QLineEdit>(QStringLiteral("briefDescriptionEdit"));
        auto *page = f.find<BriefPage>(QStringLiteral("briefPage"));
        description->setFocus();
        description->selectAll();
        QTest::keyClicks(description, QStringLiteral("abc"));
        QVERIFY(page->shownProblems().contains(QStringLiteral("/description")));
        QTest::keyClicks(description, QStringLiteral("defgh"));
        QVERIFY(!page->shownProblems().contains(QStringLiteral("/description")));
    }

    void autosaveAndRecovery()
    {
        QTemporaryDir keep;
        QString folder;
        {
            test::StudioFixture f;
            folder = f.openExampleCopy();
            f.window()->document()->setAutosaveDelay(50);
            f.window()->document()->edit(QStringLiteral("t"), ProjectDocument::ScriptAspect,
                                         [](Project &p) { p.script->title = QStringLiteral("Recovered title"); });
            QTRY_VERIFY(QFile::exists(ProjectDocument::autosaveFile(folder)));
            // Simulate a crash: copy the folder as it is now, before the window saves on close.
            QDir().mkpath(keep.path() + QStringLiteral("/p"));
            QFile::copy(folder + QStringLiteral("/project.json"), keep.path() + QStringLiteral("/p/project.json"));
            QFile::copy(ProjectDocument::autosaveFile(folder), ProjectDocument::autosaveFile(keep.path() + QStringLiteral("/p")));
        }
        test::StudioFixture g;
        QVERIFY(g.window()->openProject(keep.path() + QStringLiteral("/p")));
        auto *banner = g.find<InlineMessage>(QStringLiteral("recoveryBanner"));
        QVERIFY(banner->isVisible());
        QVERIFY(g.window()->document()->project().script->title != QStringLiteral("Recovered title"));
        g.find<QPushButton>(QStringLiteral("recoverButton"))->click();
        QCOMPARE(g.window()->document()->project().script->title, QStringLiteral("Recovered title"));
        QVERIFY(g.window()->document()->save());
        QVERIFY(!QFile::exists(ProjectDocument::autosaveFile(g.window()->document()->folder())));
    }

    void brokenProjectShowsInlineError()
    {
        test::StudioFixture f;
        const QString folder = f.root() + QStringLiteral("/broken");
        QDir().mkpath(folder);
        QFile file(folder + QStringLiteral("/project.json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();
        QVERIFY(!f.window()->openProject(folder));
        auto *message = f.find<InlineMessage>(QStringLiteral("windowMessage"));
        QVERIFY(message->isVisible());
        QCOMPARE(message->level(), InlineMessage::Level::Error);
        QCOMPARE(f.window()->currentPage(), MainWindow::WelcomePage);
    }

    void settingsTable()
    {
        QTemporaryDir dir;
        StudioSettings settings(dir.filePath(QStringLiteral("s.ini")));
        QCOMPARE(settings.gatewayUrl(), QStringLiteral("http://localhost:3000"));
        QVERIFY(!settings.setValue(StudioSettings::Key::GatewayUrl, QStringLiteral("not a url")));
        QVERIFY(settings.setValue(StudioSettings::Key::GatewayUrl, QStringLiteral("http://127.0.0.1:3999")));
        QCOMPARE(settings.gatewayUrl(), QStringLiteral("http://127.0.0.1:3999"));
        QVERIFY(!settings.setValue(StudioSettings::Key::ParallelJobs, -2));
        QVERIFY(!settings.setValue(StudioSettings::Key::CaptionStyle, QStringLiteral("comic-sans")));
        QVERIFY(!settings.setValue(StudioSettings::Key::Theme, QStringLiteral("purple")));
        for (int i = 0; i < 12; ++i)
            settings.addRecentProject(QStringLiteral("/tmp/p%1").arg(i));
        QCOMPARE(settings.recentProjects().size(), StudioSettings::kMaxRecent);
        QCOMPARE(settings.recentProjects().first(), QStringLiteral("/tmp/p11"));
    }

    void windowGeometryIsSavedAndRestored()
    {
        test::initStudioTests();
        QTemporaryDir dir;
        StudioSettings settings(dir.filePath(QStringLiteral("s.ini")));
        {
            MainWindow first(&settings, nullptr);
            first.show();
            QVERIFY(QTest::qWaitForWindowExposed(&first));
            QCOMPARE(first.size(), QSize(1280, 800)); // nothing saved yet: the default
            first.resize(1111, 777);
            QTRY_COMPARE(first.size(), QSize(1111, 777));
            first.close();
        }
        MainWindow second(&settings, nullptr);
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        QCOMPARE(second.size(), QSize(1111, 777));
        second.close();
    }

    void keyboardShortcutsOpenStagesAndTheLog()
    {
        // README: "Ctrl+1…5 opens a stage; … Ctrl+Shift+L shows the log."
        test::StudioFixture f;
        f.openExampleCopy();
        MainWindow *w = f.window();
        QApplication::setActiveWindow(w);
        QVERIFY(QTest::qWaitForWindowActive(w));
        const MainWindow::Page pages[] = {MainWindow::BriefPageIndex, MainWindow::ScriptPageIndex, MainWindow::ImagesPageIndex,
                                          MainWindow::RenderPageIndex, MainWindow::WatchPageIndex};
        for (int i = 4; i >= 0; --i) {
            QTest::keyClick(w, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
            QCOMPARE(w->currentPage(), pages[i]);
        }
        auto *log = w->findChild<QDockWidget *>(QStringLiteral("logDock"));
        QVERIFY(log);
        const bool shown = log->isVisible();
        QTest::keyClick(w, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(log->isVisible(), !shown);
        QTest::keyClick(w, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(log->isVisible(), shown);
    }
};

QTEST_MAIN(TestUiWindow)
#include "tst_ui_window.moc"
