#include "ProcessTable.h"
#include "TinyProject.h"
#include "media/MediaProbeJob.h"
#include "pipeline/RenderPipeline.h"
#include "store/ProjectStore.h"

#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace diy;

namespace {

struct Outcome {
    std::optional<Result<RenderSummary>> result;
    QList<RenderStage> started;
    QList<double> progress;
    QList<qint64> etas;
    int reusedEvents = 0;
    int madeEvents = 0;
};

void wire(RenderPipeline &pipeline, Outcome &out)
{
    QObject::connect(&pipeline, &RenderPipeline::stageStarted, &pipeline,
                     [&out](RenderStage s, int, int) { out.started.append(s); });
    QObject::connect(&pipeline, &RenderPipeline::progressChanged, &pipeline, [&out](const JobProgress &p) {
        out.progress.append(p.fraction);
        out.etas.append(p.etaMs);
    });
    QObject::connect(&pipeline, &RenderPipeline::itemFinished, &pipeline,
                     [&out](RenderStage, int, bool reused) { reused ? ++out.reusedEvents : ++out.madeEvents; });
    QObject::connect(&pipeline, &RenderPipeline::finished, &pipeline,
                     [&out, &pipeline](const Status &) { out.result = pipeline.result(); });
}

Result<ProbeInfo> probe(const QString &path)
{
    MediaProbeJob job(path);
    std::optional<Result<ProbeInfo>> result;
    QObject::connect(&job, &MediaProbeJob::finished, &job, [&result, &job](const Status &) { result = job.result(); });
    job.start();
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return Error::internal(QStringLiteral("probe timed out"));
    return *result;
}

RenderPipeline::Options tinyOptions()
{
    RenderPipeline::Options o;
    o.jobs = 2;
    o.frameSize = test::tinyFrame();
    return o;
}

} // namespace

class TestRenderPipeline : public QObject {
    Q_OBJECT
private slots:
    void rendersThenReusesThenRedoesOnlyTheEditedScene()
    {
        QTemporaryDir dir;
        Project project = test::makeTinyProject(dir.path());

        // 1. From scratch: every stage runs, everything is made.
        Outcome first;
        {
            RenderPipeline pipeline(project, dir.path(), tinyOptions());
            wire(pipeline, first);
            pipeline.start();
            QTRY_VERIFY_WITH_TIMEOUT(first.result.has_value(), 120000);
        }
        QVERIFY2(first.result->ok(), qPrintable(first.result->ok() ? QString() : first.result->error().toString()));
        const RenderSummary &s1 = first.result->value();
        // Stages overlap, but each starts exactly once and frames/narration lead.
        QCOMPARE(first.started.size(), allRenderStages().size());
        for (RenderStage stage : allRenderStages())
            QCOMPARE(first.started.count(stage), 1);
        // Without AI pictures the pictures stage has nothing to do and is reported done at once;
        // the first stage that works is frames.
        QList<RenderStage> working = first.started;
        QCOMPARE(working.takeFirst(), RenderStage::Pictures);
        QCOMPARE(working.first(), RenderStage::Frames);
        QCOMPARE(s1.scenes, 6);
        QCOMPARE(s1.itemsReused, 0);
        QCOMPARE(s1.itemsMade, 6 + 6 + 6 + 1 + 7 + 1); // frames, narration, segments, merge, checks + report, thumbnail
        QVERIFY(!first.progress.isEmpty());
        QCOMPARE(first.progress.last(), 1.0);
        for (int i = 1; i < first.progress.size(); ++i)
            QVERIFY2(first.progress[i] + 1e-9 >= first.progress[i - 1], "overall progress never goes back");
        QVERIFY(std::any_of(first.etas.begin(), first.etas.end(), [](qint64 eta) { return eta > 0; }));

        auto info = probe(s1.outputPath);
        QVERIFY(info.ok());
        QCOMPARE(info->videoSize, test::tinyFrame());
        QCOMPARE(info->videoCodec, QStringLiteral("h264"));
        QCOMPARE(info->pixelFormat, QStringLiteral("yuv420p"));
        QCOMPARE(info->audioCodec, QStringLiteral("aac"));
        QCOMPARE(info->sampleRate, 48000);
        QVERIFY(info->faststart);
        QVERIFY(qAbs(info->durationMs - s1.durationMs) < 300);
        QVERIFY(s1.durationMs > 6 * 1000);
        QVERIFY(QFileInfo::exists(s1.reportPath));
        QVERIFY(s1.checks.contains("integratedLufs"));
        QVERIFY2(qAbs(s1.checks["integratedLufs"].get<double>() + 16.0) < 2.0, s1.checks.dump().c_str());
        QCOMPARE(s1.render.inputsHash, RenderPlan::make(project, dir.path(), test::tinyFrame()).mergeKey);
        // The thumbnail stage (one class, one registration line) ran with the others.
        QCOMPARE(QImage(s1.thumbnailPath).size(), QSize(1280, 720));

        // 2. Nothing changed: everything is reused, nothing is made.
        Outcome second;
        {
            RenderPipeline pipeline(project, dir.path(), tinyOptions());
            wire(pipeline, second);
            pipeline.start();
            QTRY_VERIFY_WITH_TIMEOUT(second.result.has_value(), 60000);
        }
        QVERIFY(second.result->ok());
        QCOMPARE(second.result->value().itemsMade, 0); // the technical report is cached under its key too
        QCOMPARE(second.result->value().outputPath, s1.outputPath);

        // 3. One step's narration edited: only that scene's card (it shows the first sentence),
        //    narration, segment and check, the merge and the final probe are made again.
        project.script->steps[1].narration = QStringLiteral("Press the fold down firmly.");
        const RenderPlan plan = RenderPlan::make(project, dir.path(), test::tinyFrame());
        QCOMPARE(plan.pendingItems(RenderStage::Frames), 1);
        QCOMPARE(plan.pendingItems(RenderStage::Narration), 1);
        QCOMPARE(plan.pendingItems(RenderStage::Segments), 1);
        QCOMPARE(plan.pendingItems(RenderStage::Merge), 1);
        Outcome third;
        {
            RenderPipeline pipeline(project, dir.path(), tinyOptions());
            wire(pipeline, third);
            pipeline.start();
            QTRY_VERIFY_WITH_TIMEOUT(third.result.has_value(), 60000);
        }
        QVERIFY(third.result->ok());
        QCOMPARE(third.result->value().itemsMade, 1 + 1 + 1 + 1 + 1 + 1);
        QVERIFY(third.result->value().outputPath != s1.outputPath);
    }

    void cancelStopsPromptlyAndKeepsOnlyWholeFiles()
    {
        QTemporaryDir dir;
        Project project = test::makeTinyProject(dir.path());
        Outcome out;
        RenderPipeline::Options options = tinyOptions();
        options.frameSize = QSize(720, 1280); // slow enough to be caught mid-encode
        RenderPipeline pipeline(project, dir.path(), options);
        wire(pipeline, out);
        bool cancelled = false;
        connect(&pipeline, &RenderPipeline::stageProgressChanged, this, [&](RenderStage stage, double f, qint64) {
            if (stage == RenderStage::Segments && f > 0.0 && !cancelled) {
                cancelled = true;
                pipeline.cancel();
            }
        });
        pipeline.start();
        QTRY_VERIFY_WITH_TIMEOUT(out.result.has_value(), 120000);
        QVERIFY(cancelled);
        QVERIFY(!out.result->ok());
        QVERIFY(out.result->error().isCancelled());
        // Promptness is measured in tests/bench (cancel_bench); here: every child is gone.
        QVERIFY2(test::ProcessTable::mentioning(dir.path()).isEmpty(), "a child process outlived the cancelled render");
        QCOMPARE(pipeline.runRecord().outcome, QStringLiteral("cancelled"));
        // Every segment under a final name is a whole, playable file.
        const QDir segments(ProjectStore::cacheDir(dir.path()) + QStringLiteral("/segments"));
        for (const QString &name : segments.entryList({QStringLiteral("*.mp4")}, QDir::Files)) {
            auto info = probe(segments.filePath(name));
            QVERIFY2(info.ok(), qPrintable(name));
        }
        QVERIFY(!QFileInfo::exists(RenderPlan::make(project, dir.path(), options.frameSize).outputPath));
    }

    void projectWithoutScriptFailsClearly()
    {
        QTemporaryDir dir;
        Project project = Project::create(QStringLiteral("empty"), Brief{});
        Outcome out;
        RenderPipeline pipeline(project, dir.path(), tinyOptions());
        wire(pipeline, out);
        pipeline.start();
        QTRY_VERIFY(out.result.has_value());
        QVERIFY(!out.result->ok());
        QVERIFY(out.result->error().kind == Error::Kind::InvalidInput);
        QVERIFY(out.result->error().message.contains(QStringLiteral("no script")));
    }

    void missingToolIsNamed()
    {
        qputenv("DIY_ESPEAK", "/nonexistent/espeak-ng");
        QTemporaryDir dir;
        Project project = test::makeTinyProject(dir.path());
        Outcome out;
        RenderPipeline pipeline(project, dir.path(), tinyOptions());
        wire(pipeline, out);
        pipeline.start();
        QTRY_VERIFY(out.result.has_value());
        qunsetenv("DIY_ESPEAK");
        QVERIFY(!out.result->ok());
        QVERIFY(out.result->error().kind == Error::Kind::MissingTool);
        QVERIFY(out.result->error().message.contains(QStringLiteral("espeak-ng")));
    }

    void unreadablePhotoNamesTheScene()
    {
        QTemporaryDir dir;
        Project project = test::makeTinyProject(dir.path());
        QDir(dir.path()).mkpath(QStringLiteral("assets/images"));
        QFile bad(dir.filePath(QStringLiteral("assets/images/broken.png")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("not a png");
        bad.close();
        project.sceneImages[3] = {
            SceneImage::Source::File, QStringLiteral("assets/images/broken.png"), {}, QStringLiteral("holiday.png"), false};
        Outcome out;
        RenderPipeline pipeline(project, dir.path(), tinyOptions());
        wire(pipeline, out);
        pipeline.start();
        QTRY_VERIFY_WITH_TIMEOUT(out.result.has_value(), 30000);
        QVERIFY(!out.result->ok());
        QVERIFY2(out.result->error().message.contains(QStringLiteral("Step 2")), qPrintable(out.result->error().message));
        QVERIFY(out.result->error().message.contains(QStringLiteral("holiday.png")));
    }
};

QTEST_MAIN(TestRenderPipeline)
#include "tst_renderpipeline.moc"
