#include "TinyProject.h"
#include "pipeline/PlanBuilder.h"
#include "pipeline/RenderPlan.h"
#include "pipeline/SegmentItemSpec.h"
#include "providers/FrameSpec.h"
#include "util/ContentHash.h"

#include <QDir>
#include <QFile>
#include <QMap>

#include <QTemporaryDir>
#include <QtTest>

using namespace diy;

class TestRenderPlan : public QObject {
    Q_OBJECT
private slots:
    // For every item kind: changing an input that shapes its output changes its key, and changing
    // nothing (or something that does not shape it) keeps the key, so the item is reused.
    void itemKeysFollowInputs_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<int>("scene"); // the edited scene; -1: every scene
        QTest::addColumn<QStringList>("changed");
        const auto kinds = [](const char *list) { return QString::fromLatin1(list).split(QLatin1Char(' '), Qt::SkipEmptyParts); };
        QTest::newRow("nothing") << "none" << -1 << kinds("");
        QTest::newRow("image prompt only") << "prompt" << 3 << kinds("");
        QTest::newRow("step narration (card shows its key line)")
            << "narration" << 3 << kinds("frame narration captions segment check merge report");
        QTest::newRow("step title") << "title" << 3 << kinds("frame segment check merge report");
        QTest::newRow("voice") << "voice" << -1 << kinds("narration captions segment check merge report");
        QTest::newRow("rate") << "rate" << -1 << kinds("narration captions segment check merge report");
        QTest::newRow("caption style") << "captions" << -1 << kinds("captions segment check merge report");
        QTest::newRow("format (same width: same phrases)") << "format" << -1 << kinds("frame captions segment check merge report");
        QTest::newRow("draft size (phrases scale with the frame: narration reused)")
            << "draft" << -1 << kinds("frame captions segment check merge report");
        QTest::newRow("photo instead of the card") << "photo" << 2 << kinds("frame segment check merge report");
        QTest::newRow("photo bytes") << "photoBytes" << 2 << kinds("frame segment check merge report");
        QTest::newRow("music file bytes") << "musicBytes" << -1 << kinds("merge report");
        QTest::newRow("music volume") << "musicVolume" << -1 << kinds("merge report");
        QTest::newRow("target duration (only the report judges it)") << "target" << -1 << kinds("report");
    }
    void itemKeysFollowInputs()
    {
        QFETCH(QString, edit);
        QFETCH(int, scene);
        QFETCH(QStringList, changed);
        QTemporaryDir dir;
        Project before = test::makeTinyProject(dir.path());
        QDir(dir.path()).mkpath(QStringLiteral("assets/music"));
        QDir(dir.path()).mkpath(QStringLiteral("assets/images"));
        const auto writeFile = [&](const QString &rel, const QByteArray &bytes) {
            QFile f(dir.filePath(rel));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        };
        writeFile(QStringLiteral("assets/music/song.bin"), QByteArray(2048, 'a'));
        before.brief.musicFile = QStringLiteral("assets/music/song.bin");
        before.sceneImages[2] = {SceneImage::Source::Card, {}, {}, {}, false};
        QSize sizeBefore;
        QSize sizeAfter;
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
        else if (edit == QStringLiteral("draft"))
            sizeAfter = QSize(540, 960);
        else if (edit == QStringLiteral("prompt"))
            after.script->steps[1].imagePrompt = QStringLiteral("a different picture idea");
        else if (edit == QStringLiteral("photo") || edit == QStringLiteral("photoBytes")) {
            writeFile(QStringLiteral("assets/images/a.png"), QByteArray("one"));
            writeFile(QStringLiteral("assets/images/b.png"), QByteArray("two"));
            if (edit == QStringLiteral("photoBytes"))
                before.sceneImages[2] = {SceneImage::Source::File, QStringLiteral("assets/images/a.png"), {}, {}, false};
            after.sceneImages[2] = {SceneImage::Source::File, QStringLiteral("assets/images/b.png"), {}, {}, false};
        } else if (edit == QStringLiteral("musicBytes")) {
            writeFile(QStringLiteral("assets/music/other.bin"), QByteArray(2048, 'b'));
            after.brief.musicFile = QStringLiteral("assets/music/other.bin");
        } else if (edit == QStringLiteral("musicVolume"))
            after.brief.musicVolume = 0.3;
        else if (edit == QStringLiteral("target"))
            after.brief.targetDurationSeconds = 240;
        else
            QCOMPARE(edit, QStringLiteral("none"));

        const RenderPlan a = RenderPlan::make(before, dir.path(), sizeBefore);
        const RenderPlan b = RenderPlan::make(after, dir.path(), sizeAfter);
        QCOMPARE(a.scenes.size(), b.scenes.size());
        QCOMPARE(a.items.size(), b.items.size());
        const auto keyOf = [](const RenderPlan &plan, const QString &kind, int s) -> QString {
            if (kind == QStringLiteral("captions")) {
                const PlanItem *segment = plan.item(RenderStage::Segments, s);
                return segment ? segment->specAs<SegmentItemSpec>()->captions.key() : QString();
            }
            static const QMap<QString, RenderStage> stages{
                {QStringLiteral("frame"), RenderStage::Frames},     {QStringLiteral("narration"), RenderStage::Narration},
                {QStringLiteral("segment"), RenderStage::Segments}, {QStringLiteral("check"), RenderStage::Checks},
                {QStringLiteral("merge"), RenderStage::Merge},      {QStringLiteral("report"), RenderStage::Checks}};
            const PlanItem *item = plan.item(stages.value(kind), s);
            return item ? item->key : QString();
        };
        for (const QString &kind : {QStringLiteral("frame"), QStringLiteral("narration"), QStringLiteral("captions"),
                                    QStringLiteral("segment"), QStringLiteral("check")}) {
            for (int s = 0; s < int(a.scenes.size()); ++s) {
                const QString ka = keyOf(a, kind, s);
                QVERIFY2(!ka.isEmpty(), qPrintable(kind));
                const bool expected = changed.contains(kind) && (scene < 0 || scene == s);
                QVERIFY2((ka != keyOf(b, kind, s)) == expected,
                         qPrintable(QStringLiteral("%1 of scene %2: expected %3")
                                        .arg(kind)
                                        .arg(s)
                                        .arg(expected ? QStringLiteral("a new key") : QStringLiteral("the same key"))));
            }
        }
        for (const QString &kind : {QStringLiteral("merge"), QStringLiteral("report")}) {
            const QString ka = keyOf(a, kind, -1);
            QVERIFY2(!ka.isEmpty(), qPrintable(kind));
            QVERIFY2((ka != keyOf(b, kind, -1)) == changed.contains(kind), qPrintable(kind));
        }
        QCOMPARE(a.mergeKey != b.mergeKey, changed.contains(QStringLiteral("merge")));
    }

    void specsCarryEverythingTheExecutorNeeds()
    {
        // The frame spec of a photo scene names the picture by content hash and carries its overlay;
        // the thumbnails ask the same function.
        QTemporaryDir dir;
        Project p = test::makeTinyProject(dir.path());
        QDir(dir.path()).mkpath(QStringLiteral("assets/images"));
        QFile f(dir.filePath(QStringLiteral("assets/images/a.png")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("bytes");
        f.close();
        p.sceneImages[3] = {
            SceneImage::Source::File, QStringLiteral("assets/images/a.png"), {}, QStringLiteral("My photo.png"), false};
        const RenderPlan plan = RenderPlan::make(p, dir.path());
        const PlanItem *frame = plan.item(RenderStage::Frames, 3);
        QVERIFY(frame);
        const auto *spec = frame->specAs<FrameSpec>();
        QVERIFY(spec);
        QCOMPARE(spec->source, FrameSpec::Source::Picture);
        QCOMPARE(spec->pictureSha, ContentHash::ofBytes("bytes"));
        QCOMPARE(spec->pictureName, QStringLiteral("My photo.png"));
        QCOMPARE(spec->overlay.stepNumber, plan.scenes[3].scene.stepNumber);
        QCOMPARE(spec->outputPath, frame->outputPath);
        const FrameSpec thumb = RenderPlan::frameSpec(p, dir.path(), 3, plan.frameSize);
        QCOMPARE(PlanBuilder::keyOf(RenderStage::Frames, thumb), frame->key);
        // Every item's inputs are planned before it.
        for (int i = 0; i < int(plan.items.size()); ++i)
            for (int input : plan.items[i].inputs)
                QVERIFY(input >= 0 && input < i);
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
