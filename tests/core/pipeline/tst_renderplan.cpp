#include "TinyProject.h"
#include "pipeline/RenderPlan.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace diy;

class TestRenderPlan : public QObject {
    Q_OBJECT
private slots:
    void keysFollowInputs_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<int>("scene");
        QTest::addColumn<bool>("frameChanges");
        QTest::addColumn<bool>("narrationChanges");
        QTest::addColumn<bool>("segmentChanges");
        QTest::newRow("step narration (card shows its key line)") << "narration" << 3 << true << true << true;
        QTest::newRow("step title") << "title" << 3 << true << false << true;
        QTest::newRow("voice") << "voice" << 0 << false << true << true;
        QTest::newRow("rate") << "rate" << 5 << false << true << true;
        QTest::newRow("caption style") << "captions" << 2 << false << false << true;
        QTest::newRow("format (same width: same phrases, narration reused)") << "format" << 1 << true << false << true;
        QTest::newRow("image prompt only") << "prompt" << 3 << false << false << false;
        QTest::newRow("other step's narration") << "narration" << 4 << false << false << false;
    }
    void keysFollowInputs()
    {
        QFETCH(QString, edit);
        QFETCH(int, scene);
        QFETCH(bool, frameChanges);
        QFETCH(bool, narrationChanges);
        QFETCH(bool, segmentChanges);
        QTemporaryDir dir;
        const Project before = test::makeTinyProject(dir.path());
        Project after = before;
        if (edit == QStringLiteral("narration"))
            after.script->steps[1].narration = QStringLiteral("Press the fold down with your thumb.");
        else if (edit == QStringLiteral("title"))
            after.script->steps[1].title = QStringLiteral("Press hard");
        else if (edit == QStringLiteral("voice"))
            after.brief.voice = QStringLiteral("en-gb");
        else if (edit == QStringLiteral("rate"))
            after.brief.speechRate = 150;
        else if (edit == QStringLiteral("captions"))
            after.brief.captionStyle = QStringLiteral("classic");
        else if (edit == QStringLiteral("format"))
            after.brief.format = VideoFormat(VideoFormat::Kind::Square);
        else if (edit == QStringLiteral("prompt"))
            after.script->steps[1].imagePrompt = QStringLiteral("a different picture idea");
        const RenderPlan a = RenderPlan::make(before, dir.path());
        const RenderPlan b = RenderPlan::make(after, dir.path());
        QCOMPARE(a.scenes.size(), b.scenes.size());
        QCOMPARE(a.scenes[scene].frameKey != b.scenes[scene].frameKey, frameChanges);
        QCOMPARE(a.scenes[scene].narrationKey != b.scenes[scene].narrationKey, narrationChanges);
        QCOMPARE(a.scenes[scene].segmentKey != b.scenes[scene].segmentKey, segmentChanges);
        if (edit != QStringLiteral("prompt"))
            QVERIFY2(a.mergeKey != b.mergeKey, "any change to what is seen or heard changes the final video");
        else
            QCOMPARE(a.mergeKey, b.mergeKey);
    }

    void photoReplacesCardKey()
    {
        QTemporaryDir dir;
        Project p = test::makeTinyProject(dir.path());
        const RenderPlan a = RenderPlan::make(p, dir.path());
        p.sceneImages[2] = {SceneImage::Source::File, QStringLiteral("assets/images/x.png"), QStringLiteral("abc"), {}, false};
        const RenderPlan b = RenderPlan::make(p, dir.path());
        QVERIFY(a.scenes[2].frameKey != b.scenes[2].frameKey);
        QCOMPARE(a.scenes[3].frameKey, b.scenes[3].frameKey);
        p.sceneImages[2].sha256 = QStringLiteral("abd");
        QVERIFY(RenderPlan::make(p, dir.path()).scenes[2].frameKey != b.scenes[2].frameKey);
    }

    void freshPlanHasEverythingPending()
    {
        QTemporaryDir dir;
        const Project p = test::makeTinyProject(dir.path());
        const RenderPlan plan = RenderPlan::make(p, dir.path());
        QCOMPARE(plan.scenes.size(), 6);
        for (RenderStage s : allRenderStages())
            QCOMPARE(plan.pendingItems(s), plan.totalItems(s));
        QVERIFY(!plan.upToDate());
        QVERIFY(plan.outputPath.startsWith(dir.path()));
        QVERIFY(plan.outputPath.contains(QStringLiteral("/renders/tiny-test-")));
    }
};

QTEST_MAIN(TestRenderPlan)
#include "tst_renderplan.moc"
