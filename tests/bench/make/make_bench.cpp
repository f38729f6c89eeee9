// The critical path of `make` (issue 9): with the doubles delaying the script 3 s, the prompts 2 s
// and each picture 4 s (8 scenes), the run should end within 10% of its critical path, because a
// scene's frame and segment start as soon as its own picture and narration exist, not after all
// pictures.
//
// The critical path is measured in the same process from its parts:
//   script + prompts + max(picture chain + tail, local render)
// - picture chain: the first picture (the reference of the others), then the rest in waves of the
//   provider's concurrency limit, each wave one picture delay;
// - tail: re-rendering after only the last scene's frame, segment, checks and the final video were
//   removed (what must follow the last picture);
// - local render: the whole render from an empty cache with every picture present.
// Prints the parts, the run's time and the ratio; exits 0 unless a run fails (it reports, it does
// not gate).
#include "images/GeminiImageDouble.h"
#include "model/Project.h"
#include "pipeline/ProductionJob.h"
#include "pipeline/RenderPlan.h"
#include "pipeline/StageRegistry.h"
#include "providers/ApiKeyStore.h"
#include "providers/ImageGenerator.h"
#include "providers/ImageGenerators.h"
#include "store/ProjectStore.h"
#include "tensorzero/GatewayDouble.h"
#include "tensorzero/TensorZeroClient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>

using namespace diy;

namespace {

constexpr int kScriptMs = 3000;
constexpr int kPromptsMs = 2000;
constexpr int kPictureMs = 4000;

bool runJob(Job &job, QString *error)
{
    QEventLoop loop;
    Status outcome;
    QObject::connect(&job, &Job::finished, &loop, [&](const Status &status) {
        outcome = status;
        loop.quit();
    });
    job.start();
    if (!job.isFinished())
        loop.exec();
    if (!outcome)
        *error = outcome.error().toString();
    return outcome.ok();
}

/// Seconds a plain render of the project takes (pictures present), after `prepare` removed files.
double renderSeconds(const Project &project, const QString &dir, QString *error)
{
    QElapsedTimer clock;
    clock.start();
    RenderPipeline pipeline(project, dir, {});
    if (!runJob(pipeline, error))
        return -1;
    return clock.elapsed() / 1000.0;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);

    test::GatewayDouble gateway;
    test::GeminiImageDouble images;
    if (!gateway.listen() || !images.listen()) {
        std::fprintf(stderr, "make_bench: the doubles cannot listen\n");
        return 1;
    }
    test::GatewayDouble::Fault slow;
    slow.kind = test::GatewayDouble::Fault::Kind::Latency;
    slow.latencyMs = kScriptMs;
    gateway.injectFault(QStringLiteral("/inference"), slow, 1);
    slow.latencyMs = kPromptsMs;
    gateway.injectFault(QStringLiteral("/inference"), slow, 1);
    test::ImageApiDouble::Fault slowPicture;
    slowPicture.kind = test::ImageApiDouble::Fault::Kind::Latency;
    slowPicture.latencyMs = kPictureMs;
    images.injectFault(slowPicture, 100);
    qputenv("DIY_GEMINI_URL", images.url().toString().toUtf8());
    qputenv("GEMINI_API_KEY", images.apiKey().toUtf8());

    QTemporaryDir dir;
    Brief brief;
    brief.description = QStringLiteral("how to make paper airplanes that fly far");
    Project project = Project::create(QStringLiteral("bench"), brief);
    project.imageProvider = QStringLiteral("gemini");
    if (!ProjectStore::save(project, dir.path())) {
        std::fprintf(stderr, "make_bench: cannot save the project\n");
        return 1;
    }

    QNetworkAccessManager network;
    ApiKeyStore keys;
    TensorZeroClient::Options clientOptions;
    clientOptions.baseUrl = gateway.url();
    TensorZeroClient client(&network, clientOptions);
    ProductionJob::Options options;
    options.client = &client;
    options.images = ImageGenerators::make(QStringLiteral("gemini"), &network, &keys);
    const int concurrency = qMax(1, options.images->info().maxConcurrency);
    ProductionJob make(project, dir.path(), options);

    QElapsedTimer clock;
    clock.start();
    double scriptDone = 0, promptsDone = 0, lastPicture = 0, firstSegmentStart = -1;
    QObject::connect(&make, &ProductionJob::stepStarted, &make, [&](const QString &step) {
        if (step == QStringLiteral("prompts"))
            scriptDone = clock.elapsed() / 1000.0;
        if (step == QStringLiteral("render"))
            promptsDone = clock.elapsed() / 1000.0;
    });
    QObject::connect(&make, &ProductionJob::pipelineStarted, &make, [&](RenderPipeline *pipeline) {
        QObject::connect(pipeline, &RenderPipeline::itemFinished, pipeline, [&](const RenderStage &stage, int, bool) {
            if (stage == RenderStage::Pictures)
                lastPicture = clock.elapsed() / 1000.0;
        });
        QObject::connect(pipeline, &RenderPipeline::itemStarted, pipeline, [&](const RenderStage &stage, int, const QString &) {
            if (stage == RenderStage::Segments && firstSegmentStart < 0)
                firstSegmentStart = clock.elapsed() / 1000.0;
        });
    });
    QString error;
    if (!runJob(make, &error)) {
        std::fprintf(stderr, "make_bench: make failed: %s\n", qPrintable(error));
        return 1;
    }
    const double makeSeconds = clock.elapsed() / 1000.0;
    const Project made = make.project();
    const int scenes = int(made.scenes().size());

    // The tail: only what has to follow the last picture is redone.
    const RenderPlan plan = RenderPlan::make(made, dir.path());
    const RenderPlan::SceneItems &last = plan.scenes.last();
    for (const QString &file : {last.framePath, last.segmentPath, last.checkPath, plan.outputPath, plan.reportPath})
        QFile::remove(file);
    const double tail = renderSeconds(made, dir.path(), &error);
    // The local work alone: everything from an empty cache (pictures kept).
    QDir(ProjectStore::cacheDir(dir.path())).removeRecursively();
    const double local = renderSeconds(made, dir.path(), &error);
    if (tail < 0 || local < 0) {
        std::fprintf(stderr, "make_bench: a baseline render failed: %s\n", qPrintable(error));
        return 1;
    }
    const int waves = 1 + int(std::ceil(double(scenes - 1) / concurrency));
    const double chain = waves * kPictureMs / 1000.0;
    const double remote = (kScriptMs + kPromptsMs) / 1000.0;
    const double critical = remote + std::max(chain + tail, local);

    std::printf("make_bench: %d scenes, picture limit %d at once\n", scenes, concurrency);
    std::printf("  script done at %.1f s, prompts done at %.1f s, last picture at %.1f s, first segment started at %.1f s\n",
                scriptDone, promptsDone, lastPicture, firstSegmentStart);
    std::printf(
        "  critical path: script+prompts %.1f s + max(picture chain %.1f s + tail %.1f s, local render %.1f s) = %.1f s\n",
        remote, chain, tail, local, critical);
    std::printf("  make took %.1f s: ratio to the critical path %.3f (goal <= 1.10)\n", makeSeconds, makeSeconds / critical);
    std::printf("  segments started %s the last picture arrived\n",
                firstSegmentStart >= 0 && firstSegmentStart < lastPicture ? "before" : "after");
    return 0;
}
