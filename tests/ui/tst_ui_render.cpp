// A render started from the UI reaches done, the rail says so, and the player loads the result.
#include "StudioFixture.h"
#include "common/FileDialogs.h"
#include "common/ProjectDocument.h"
#include "player/PlayerPage.h"
#include "player/SceneSeekBar.h"
#include "player/VideoFileActions.h"
#include "progress/CheckFindingsPanel.h"
#include "progress/RenderController.h"
#include "progress/RenderStageModel.h"
#include "progress/StageRailModel.h"

#include <QAction>
#include <QApplication>
#include <QAudioOutput>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QListView>
#include <QMediaPlayer>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace diy;
using namespace diy::ui;

class TestUiRender : public QObject {
    Q_OBJECT
private slots:
    void renderFromUiThenWatch()
    {
        test::StudioFixture f;
        f.openTinyProject(3);
        f.window()->showPage(MainWindow::RenderPageIndex);
        auto *start = f.find<QPushButton>(QStringLiteral("startRenderButton"));
        QVERIFY(start && start->isEnabled());
        auto *controller = f.window()->renderController();
        QSignalSpy finished(controller, &RenderController::finished);
        std::optional<Result<RenderSummary>> outcome;
        connect(controller, &RenderController::finished, this, [&outcome](const Result<RenderSummary> &r) { outcome = r; });
        QSignalSpy progress(controller, &RenderController::progressChanged);
        start->click();
        QVERIFY(controller->isRunning());
        QVERIFY(f.find<QPushButton>(QStringLiteral("cancelRenderButton"))->isEnabled());
        QVERIFY(finished.wait(240000));
        QVERIFY(outcome.has_value());
        const Result<RenderSummary> result = *outcome;
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QVERIFY(progress.count() > 0);
        QCOMPARE(controller->state(), StageState::Done);
        for (RenderStage stage : allRenderStages())
            QCOMPARE(controller->stageModel()->row(stage).state, StageState::Done);

        auto *rail = f.find<QListView>(QStringLiteral("stageRail"));
        QCOMPARE(rail->model()->index(StageRailModel::Render, 0).data(StageRailModel::StateRole).toInt(), int(StageState::Done));
        QVERIFY(f.window()->document()->project().lastRender.has_value());
        QVERIFY(!f.window()->document()->isModified()); // saved after the render

        // The player opened the final video.
        QCOMPARE(f.window()->currentPage(), MainWindow::WatchPageIndex);
        auto *player = f.window()->playerPage();
        QCOMPARE(player->currentFile(), result->outputPath);
        QCOMPARE(player->player()->source(), QUrl::fromLocalFile(result->outputPath));
        QTRY_VERIFY_WITH_TIMEOUT(player->player()->mediaStatus() == QMediaPlayer::LoadedMedia
                                     || player->player()->mediaStatus() == QMediaPlayer::BufferedMedia
                                     || player->player()->mediaStatus() == QMediaPlayer::EndOfMedia,
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT(player->player()->duration() > 1000, 20000);
        auto *seek = f.find<SceneSeekBar>(QStringLiteral("seekBar"));
        QCOMPARE(seek->sceneStarts().size(), 6); // intro, materials, 3 steps, completion

        // Player keys (README: ←/→ seek by 5 s, M mutes) while the player page has the focus.
        QApplication::setActiveWindow(f.window());
        QVERIFY(QTest::qWaitForWindowActive(f.window()));
        auto *playButton = f.find<QToolButton>(QStringLiteral("playButton")); // a plain button: it keeps no keys for itself
        QVERIFY(playButton);
        playButton->setFocus(Qt::OtherFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(playButton));
        QAudioOutput *audio = player->player()->audioOutput();
        QVERIFY(audio);
        const bool muted = audio->isMuted();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_M);
        QCOMPARE(audio->isMuted(), !muted);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_M);
        QCOMPARE(audio->isMuted(), muted);
        player->player()->setPosition(0);
        QTRY_COMPARE(player->player()->position(), qint64(0));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
        QTRY_COMPARE(player->player()->position(), std::min<qint64>(5000, player->player()->duration()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left);
        QTRY_COMPARE(player->player()->position(), qint64(0));
        // Space plays, then pauses (the shortcut, not a click of the focused button on top of it:
        // both would toggle twice and leave the player as it was).
        QCOMPARE(player->player()->playbackState(), QMediaPlayer::StoppedState);
        QSignalSpy playback(player->player(), &QMediaPlayer::playbackStateChanged);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(player->player()->playbackState(), QMediaPlayer::PlayingState, 30000);
        QCOMPARE(playButton->accessibleName(), QStringLiteral("Pause"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(player->player()->playbackState(), QMediaPlayer::PausedState, 30000);
        QCOMPARE(playButton->accessibleName(), QStringLiteral("Play"));
        // Exactly one change per key: playing, then paused.
        QCOMPARE(playback.count(), 2);
        QCOMPARE(playback.at(0).at(0).value<QMediaPlayer::PlaybackState>(), QMediaPlayer::PlayingState);
        QCOMPARE(playback.at(1).at(0).value<QMediaPlayer::PlaybackState>(), QMediaPlayer::PausedState);
        // The same with the page itself focused (no button to click): the page's Space shortcut.
        player->setFocus(Qt::OtherFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(player));
        QTest::keyClick(player, Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(player->player()->playbackState(), QMediaPlayer::PlayingState, 30000);
        QTest::keyClick(player, Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(player->player()->playbackState(), QMediaPlayer::PausedState, 30000);
        QCOMPARE(playback.count(), 4);
        // The technical checks are on the Render page, each with what to do. The tiny project runs
        // far shorter than its brief's 60 s target: that finding must be there.
        f.window()->showPage(MainWindow::RenderPageIndex);
        auto *findings = f.find<CheckFindingsPanel>(QStringLiteral("checkFindingsPanel"));
        QVERIFY(findings && findings->isVisible());
        const QStringList texts = findings->findingTexts();
        QVERIFY2(!texts.isEmpty(), "the duration finding is missing");
        QVERIFY2(texts.join(QLatin1Char('\n')).contains(QStringLiteral("the brief asks for about 60 s")),
                 qPrintable(texts.join(QLatin1Char('\n'))));
        for (const QString &t : texts)
            QVERIFY2(t.contains(QStringLiteral("What to do:")), qPrintable(t));

        // Getting the video out: copy its path, save a copy, show its folder.
        auto *copyPath = f.window()->findChild<QAction *>(QStringLiteral("copyVideoPathAction"));
        QVERIFY(copyPath && copyPath->isEnabled());
        copyPath->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), QDir::toNativeSeparators(QFileInfo(result->outputPath).absoluteFilePath()));
        const QString copy = f.root() + QStringLiteral("/my feeder");
        FileDialogs::setTestHook([copy](FileDialogs::Kind kind, const QString &purpose) {
            return kind == FileDialogs::Kind::SaveFile && purpose == QStringLiteral("save-video-as") ? copy : QString();
        });
        QSignalSpy saved(f.window()->videoActions(), &VideoFileActions::videoSaved);
        f.find<QToolButton>(QStringLiteral("saveVideoAsActionRenderButton"))->click();
        FileDialogs::setTestHook({});
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.first().first().toString(), copy + QStringLiteral(".mp4"));
        QCOMPARE(QFileInfo(copy + QStringLiteral(".mp4")).size(), QFileInfo(result->outputPath).size());
        QUrl opened;
        VideoFileActions::setUrlOpenerForTests([&opened](const QUrl &url) {
            opened = url;
            return true;
        });
        f.window()->findChild<QAction *>(QStringLiteral("showVideoInFolderAction"))->trigger();
        VideoFileActions::setUrlOpenerForTests({});
        QCOMPARE(opened, QUrl::fromLocalFile(QFileInfo(result->outputPath).absolutePath()));

        // An edit makes the render stale.
        f.window()->document()->edit(QStringLiteral("t"), ProjectDocument::ScriptAspect,
                                     [](Project &p) { p.script->steps[0].narration = QStringLiteral("Different words now."); });
        QTRY_COMPARE_WITH_TIMEOUT(controller->state(), StageState::Stale, 10000);
        QCOMPARE(rail->model()->index(StageRailModel::Watch, 0).data(StageRailModel::StateRole).toInt(), int(StageState::Stale));
    }

    void cancelThenRerunReusesFinishedWork()
    {
        // README: "cancel keeps finished work". A stand-in ffmpeg holds the third segment encode
        // until it is terminated, so the render is certainly running when Cancel is clicked.
        QTemporaryDir tools;
        const QString wrapper = tools.filePath(QStringLiteral("ffmpeg"));
        QFile script(wrapper);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(
            "#!/bin/sh\n"
            "for a in \"$@\"; do case \"$a\" in */segments/*) segment=1; dir=\"${a%/*}\";; esac; done\n"
            "if [ -n \"$segment\" ] && [ -z \"$DIY_GATE_OPEN\" ] && [ \"$(ls \"$dir\" | grep -c '\\.mp4$')\" -ge 2 ]; then\n"
            "  touch \"$DIY_GATE\"; exec sleep 600\n"
            "fi\n"
            "exec ffmpeg \"$@\"\n");
        script.close();
        QVERIFY(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));
        const QString gate = tools.filePath(QStringLiteral("gate"));
        qputenv("DIY_FFMPEG", wrapper.toLocal8Bit());
        qputenv("DIY_GATE", gate.toLocal8Bit());
        qunsetenv("DIY_GATE_OPEN");

        test::StudioFixture f;
        f.openTinyProject(3);
        f.window()->showPage(MainWindow::RenderPageIndex);
        auto *controller = f.window()->renderController();
        std::optional<Result<RenderSummary>> outcome;
        connect(controller, &RenderController::finished, this, [&outcome](const Result<RenderSummary> &r) { outcome = r; });
        f.find<QPushButton>(QStringLiteral("startRenderButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(gate) || outcome.has_value(), 240000);
        QVERIFY2(!outcome.has_value(), "the render ended before the held encode");
        QVERIFY(controller->isRunning());
        f.find<QPushButton>(QStringLiteral("cancelRenderButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 240000);
        QVERIFY(!outcome->ok());
        QVERIFY(outcome->error().isCancelled());
        QVERIFY(!controller->isRunning());

        // Run again (the stand-in now encodes everything): the finished segments are reused.
        qputenv("DIY_GATE_OPEN", "1");
        outcome.reset();
        f.find<QPushButton>(QStringLiteral("startRenderButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 240000);
        qunsetenv("DIY_FFMPEG");
        qunsetenv("DIY_GATE");
        qunsetenv("DIY_GATE_OPEN");
        QVERIFY2(outcome->ok(), outcome->ok() ? "" : qPrintable(outcome->error().toString()));
        QVERIFY2((*outcome)->itemsReused >= 3 * 2,
                 qPrintable(QString::number((*outcome)->itemsReused))); // 2 segments and their inputs
        QVERIFY(controller->stageModel()->row(RenderStage::Segments).reused >= 2);
    }
};

QTEST_MAIN(TestUiRender)
#include "tst_ui_render.moc"
