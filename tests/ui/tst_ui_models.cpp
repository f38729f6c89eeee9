// QAbstractItemModelTester on every model of the studio, through the edits that change them.
#include "ExampleProject.h"
#include "StudioFixture.h"
#include "common/ProjectDocument.h"
#include "images/SceneImageModel.h"
#include "images/ThumbnailCache.h"
#include "pipeline/RenderPlan.h"
#include "progress/RenderStageModel.h"
#include "progress/StageRailModel.h"
#include "script/MaterialListModel.h"
#include "script/StepListModel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace diy;
using namespace diy::ui;

class TestUiModels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::initStudioTests(); }

    void stepListModel()
    {
        ProjectDocument doc;
        StepListModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        Project p = test::exampleProject();
        doc.setProject(p, QDir::tempPath());
        QCOMPARE(model.rowCount(), p.script->steps.size());
        const QString first = p.script->steps.at(0).title;
        QVERIFY(model.moveRows({}, 0, 1, {}, 3)); // first step to third place
        QCOMPARE(doc.project().script->steps.at(2).title, first);
        QCOMPARE(doc.project().script->steps.at(2).stepNumber, 3);
        QVERIFY(model.index(2).data().toString().startsWith(QStringLiteral("3. ")));
        QVERIFY(!model.moveRows({}, 1, 1, {}, 2)); // onto itself
        doc.undoStack()->undo();
        QCOMPARE(doc.project().script->steps.at(0).title, first);
        doc.edit(QStringLiteral("remove"), ProjectDocument::ScriptAspect, [](Project &proj) { proj.removeStep(1); });
        QCOMPARE(model.rowCount(), p.script->steps.size() - 1);
        doc.close();
        QCOMPARE(model.rowCount(), 0);
    }

    void materialListModel()
    {
        ProjectDocument doc;
        MaterialListModel model(&doc);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        doc.setProject(test::exampleProject(), QDir::tempPath());
        const int rows = model.rowCount();
        QVERIFY(rows >= 3);
        QVERIFY(model.insertRows(rows, 1));
        QCOMPARE(model.rowCount(), rows + 1);
        QVERIFY(model.setData(model.index(rows), QStringLiteral("Tape"), Qt::EditRole));
        QCOMPARE(doc.project().script->materials.last().name, QStringLiteral("Tape"));
        QVERIFY(model.removeRows(0, 1));
        QCOMPARE(model.rowCount(), rows);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(doc.project().script->materials, test::exampleProject().script->materials);
    }

    void sceneImageModel()
    {
        ProjectDocument doc;
        ThumbnailCache cache;
        SceneImageModel model(&doc, &cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        doc.setProject(test::exampleProject(), QDir::tempPath());
        const int rows = model.rowCount();
        QCOMPARE(rows, doc.project().scenes().size());
        // Thumbnails arrive asynchronously and are cached.
        for (int r = 0; r < rows; ++r)
            model.index(r).data(Qt::DecorationRole);
        QTRY_COMPARE_WITH_TIMEOUT(cache.pendingCount(), 0, 30000);
        QVERIFY(cache.contains(model.index(0).data(SceneImageModel::ThumbnailKeyRole).toString()));
        doc.edit(QStringLiteral("lock"), ProjectDocument::ImagesAspect, [](Project &p) { p.sceneImages[1].locked = true; });
        // A locked picture stays where it is; an unlocked photo trades places with a card.
        QVERIFY(!model.swapPictures(1, 3));
        doc.edit(QStringLiteral("photo"), ProjectDocument::ImagesAspect, [](Project &p) {
            p.sceneImages[1].locked = false;
            p.sceneImages[1].source = SceneImage::Source::File;
            p.sceneImages[1].file = QStringLiteral("assets/images/p.png");
        });
        QVERIFY(model.swapPictures(1, 3));
        QCOMPARE(doc.project().sceneImages.at(3).source, SceneImage::Source::File);
        QCOMPARE(model.index(3).data(SceneImageModel::SourceRole).toString(), QStringLiteral("file"));
        doc.edit(QStringLiteral("add step"), ProjectDocument::ScriptAspect | ProjectDocument::ImagesAspect, [](Project &p) {
            p.insertStep(0, Script::Step{1, QStringLiteral("New"), QStringLiteral("Words here."), QStringLiteral("x")});
        });
        QCOMPARE(model.rowCount(), rows + 1);
    }

    void stageRailModel()
    {
        StageRailModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), int(StageRailModel::StageCount));
        StageRailModel::Status running;
        running.state = StageState::Running;
        running.progress = 0.5;
        running.etaMs = 4000;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setStatus(StageRailModel::Render, running);
        QCOMPARE(changed.count(), 1);
        model.setStatus(StageRailModel::Render, running); // unchanged: no signal
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(StageRailModel::Render).data(StageRailModel::StateRole).toInt(), int(StageState::Running));
        QCOMPARE(model.index(StageRailModel::Render).data(StageRailModel::EtaRole).toLongLong(), 4000);
    }

    void renderStageModel()
    {
        RenderStageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), int(allRenderStages().size()));
        const Project p = test::exampleProject();
        const RenderPlan plan = RenderPlan::make(p, QDir::tempPath() + QStringLiteral("/no-such-project"));
        model.showPlan(plan, true);
        QCOMPARE(model.row(RenderStage::Frames).state, StageState::Stale);
        model.stageStarted(RenderStage::Frames, 3, 1);
        model.itemStarted(RenderStage::Frames, QStringLiteral("Intro"));
        model.itemFinished(RenderStage::Frames, false);
        QCOMPARE(model.row(RenderStage::Frames).done, 1);
        model.stageFinished(RenderStage::Frames, 1.5);
        QCOMPARE(model.row(RenderStage::Frames).state, StageState::Done);
        model.stageStarted(RenderStage::Narration, 3, 0);
        model.runEnded(StageState::Failed);
        QCOMPARE(model.row(RenderStage::Narration).state, StageState::Failed);
    }
};

QTEST_MAIN(TestUiModels)
#include "tst_ui_models.moc"
