// A render started from the UI reaches done, the rail says so, and the player loads the result.
#include "StudioFixture.h"
#include "common/ProjectDocument.h"
#include "player/PlayerPage.h"
#include "player/SceneSeekBar.h"
#include "progress/RenderController.h"
#include "progress/RenderStageModel.h"
#include "progress/StageRailModel.h"

#include <QListView>
#include <QMediaPlayer>
#include <QProgressBar>
#include <QPushButton>
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

        // An edit makes the render stale.
        f.window()->document()->edit(QStringLiteral("t"), ProjectDocument::ScriptAspect,
                                     [](Project &p) { p.script->steps[0].narration = QStringLiteral("Different words now."); });
        QTRY_COMPARE_WITH_TIMEOUT(controller->state(), StageState::Stale, 10000);
        QCOMPARE(rail->model()->index(StageRailModel::Watch, 0).data(StageRailModel::StateRole).toInt(), int(StageState::Stale));
    }
};

QTEST_MAIN(TestUiRender)
#include "tst_ui_render.moc"
