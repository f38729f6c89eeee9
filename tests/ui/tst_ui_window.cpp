// The window: open, autosave to a side file, recovery offered on the next open, brief validation
// shown inline, settings validated, geometry persisted.
#include "StudioFixture.h"
#include "brief/BriefPage.h"
#include "brief/VoicePicker.h"
#include "common/InlineMessage.h"
#include "common/ProjectDocument.h"
#include "common/Theme.h"
#include "settings/StudioSettings.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QUndoStack>
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

    void newProjectAsksForAName()
    {
        test::StudioFixture f;
        f.window()->findChild<QAction *>(QStringLiteral("newAction"))->trigger();
        auto *dialog = f.window()->findChild<QDialog *>(QStringLiteral("newProjectDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *brief = dialog->findChild<QLineEdit *>(QStringLiteral("newProjectBriefEdit"));
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("newProjectNameEdit"));
        auto *create = dialog->findChild<QPushButton *>(QStringLiteral("newProjectCreateButton"));
        QVERIFY(brief && name && create);
        QVERIFY(!create->isEnabled());
        QTest::keyClicks(brief, QStringLiteral("how to make a bird feeder from a milk carton"));
        QCOMPARE(name->text(), QStringLiteral("Bird feeder from a milk carton")); // prefilled from the brief
        QVERIFY(create->isEnabled());
        create->click();
        QVERIFY(f.window()->document()->isOpen());
        const Project &p = f.window()->document()->project();
        QCOMPARE(p.name, QStringLiteral("Bird feeder from a milk carton"));
        QCOMPARE(p.brief.description, QStringLiteral("how to make a bird feeder from a milk carton"));
        QCOMPARE(QFileInfo(f.window()->document()->folder()).fileName(), QStringLiteral("Bird feeder from a milk carton"));
        QCOMPARE(f.window()->currentPage(), MainWindow::BriefPageIndex);

        // The dialog goes away once used.
        QTRY_VERIFY(!f.window()->findChild<QDialog *>(QStringLiteral("newProjectDialog")));
        // A name typed by hand is kept (made safe for a folder name).
        f.window()->newProject();
        dialog = f.window()->findChild<QDialog *>(QStringLiteral("newProjectDialog"));
        QTRY_VERIFY(dialog && dialog->isVisible());
        name = dialog->findChild<QLineEdit *>(QStringLiteral("newProjectNameEdit"));
        brief = dialog->findChild<QLineEdit *>(QStringLiteral("newProjectBriefEdit"));
        QTest::keyClicks(name, QStringLiteral("Feeder: v2"));
        QTest::keyClicks(brief, QStringLiteral("how to make a bird feeder"));
        QCOMPARE(name->text(), QStringLiteral("Feeder: v2"));
        dialog->findChild<QPushButton *>(QStringLiteral("newProjectCreateButton"))->click();
        QCOMPARE(f.window()->document()->project().name, QStringLiteral("Feeder v2")); // ':' cannot be in a folder name
    }

    void themeSwitchRestylesMessages()
    {
        test::StudioFixture f;
        f.openExampleCopy();
        f.window()->show();
        Theme::apply(StudioSettings::Theme::Light);
        auto *message = f.find<InlineMessage>(QStringLiteral("windowMessage"));
        message->showMessage(InlineMessage::Level::Info, QStringLiteral("Light banner"));
        message->clear();
        Theme::apply(StudioSettings::Theme::Dark);
        // A banner shown after the switch is dark with light text, not pale on pale.
        message->showMessage(InlineMessage::Level::Warning, QStringLiteral("A banner after the switch"));
        QTRY_VERIFY(message->isVisible());
        const QImage dark = message->grab().toImage();
        const QColor background = dark.pixelColor(dark.width() - 40, dark.height() / 2);
        QVERIFY2(background.lightness() < 110, qPrintable(background.name()));
        auto *text = message->findChild<QLabel *>(QStringLiteral("inlineMessageText"));
        QVERIFY(text);
        QVERIFY2(message->styleSheet().contains(QApplication::palette().color(QPalette::WindowText).name()),
                 qPrintable(message->styleSheet()));
        // And one already showing follows the next switch.
        Theme::apply(StudioSettings::Theme::Light);
        const QImage light = message->grab().toImage();
        QVERIFY2(light.pixelColor(light.width() - 40, light.height() / 2).lightness() > 180,
                 qPrintable(light.pixelColor(light.width() - 40, light.height() / 2).name()));
    }

    void creatorLanguage()
    {
        test::StudioFixture f;
        // The welcome screen speaks plainly; the engine names live in the tooltip.
        auto *subtitle = f.find<QLabel>(QStringLiteral("welcomeSubtitle"));
        QVERIFY(subtitle);
        for (const char *jargon : {"espeak", "FFmpeg", "TensorZero", "gateway"})
            QVERIFY2(!subtitle->text().contains(QLatin1String(jargon), Qt::CaseInsensitive), jargon);
        QVERIFY(subtitle->toolTip().contains(QStringLiteral("espeak-ng")));
        // Settings: the AI service is last, not the first thing a creator sees.
        f.window()->findChild<QAction *>(QStringLiteral("settingsAction"))->trigger();
        auto *settings = f.window()->findChild<QDialog *>(QStringLiteral("settingsDialog"));
        QVERIFY(settings);
        const QList<QGroupBox *> boxes = settings->findChildren<QGroupBox *>();
        QVERIFY(boxes.size() >= 2);
        QCOMPARE(boxes.last()->objectName(), QStringLiteral("aiServiceBox"));
        QVERIFY(!boxes.first()->title().contains(QStringLiteral("TensorZero")));
        settings->reject();
    }

    void voiceIsPickedFromInstalledVoices()
    {
        test::StudioFixture f;
        f.openExampleCopy();
        f.window()->showPage(MainWindow::BriefPageIndex);
        auto *picker = f.find<VoicePicker>(QStringLiteral("briefVoicePicker"));
        QVERIFY(picker);
        QTRY_VERIFY_WITH_TIMEOUT(picker->isLoaded(), 30000);
        auto *combo = picker->findChild<QComboBox *>(QStringLiteral("voicePickerCombo"));
        auto *status = picker->findChild<QLabel *>(QStringLiteral("voiceStatusLabel"));
        auto *doc = f.window()->document();
        QCOMPARE(combo->currentData().toString(), doc->project().brief.voice);
        QVERIFY(!combo->currentText().contains(QLatin1Char('-'))); // a name, not "en-us"
        QVERIFY(combo->count() > 5);

        // A voice that is not installed is shown as such, never silently accepted.
        doc->edit(QStringLiteral("voice"), ProjectDocument::BriefAspect,
                  [](Project &p) { p.brief.voice = QStringLiteral("klingon"); });
        QVERIFY(combo->currentText().contains(QStringLiteral("not installed")));
        QVERIFY(!status->isHidden());
        QVERIFY(status->text().contains(QStringLiteral("klingon")));
        QVERIFY(!picker->findChild<QToolButton *>(QStringLiteral("voicePreviewButton"))->isEnabled());

        // Picking one from the list edits the brief (undoably) and clears the warning.
        const int gb = combo->findData(QStringLiteral("en-gb"));
        QVERIFY(gb >= 0);
        combo->setCurrentIndex(gb);
        QCOMPARE(doc->project().brief.voice, QStringLiteral("en-gb"));
        QVERIFY(status->isHidden());
        doc->undoStack()->undo();
        QCOMPARE(doc->project().brief.voice, QStringLiteral("klingon"));
        doc->undoStack()->redo();

        // The preview speaks a sample off the GUI thread.
        QSignalSpy previewed(picker, &VoicePicker::previewFinished);
        picker->findChild<QToolButton *>(QStringLiteral("voicePreviewButton"))->click();
        QVERIFY(previewed.wait(30000));
        QCOMPARE(previewed.first().at(0).toBool(), true);
        QVERIFY(QFileInfo(previewed.first().at(1).toString()).size() > 1000);
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
        // README: "Ctrl+1…6 opens a stage; … Ctrl+Shift+L shows the log." (Prompts and Pictures: the Images page)
        test::StudioFixture f;
        f.openExampleCopy();
        MainWindow *w = f.window();
        QApplication::setActiveWindow(w);
        QVERIFY(QTest::qWaitForWindowActive(w));
        const MainWindow::Page pages[] = {MainWindow::BriefPageIndex,  MainWindow::ScriptPageIndex, MainWindow::ImagesPageIndex,
                                          MainWindow::ImagesPageIndex, MainWindow::RenderPageIndex, MainWindow::WatchPageIndex};
        for (int i = 5; i >= 0; --i) {
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
