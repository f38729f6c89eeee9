// diy-studio-cli render: the offline engine from the terminal.
#include "CliCommand.h"
#include "CliProgress.h"

#include "media/TechnicalReport.h"
#include "pipeline/ProductionJob.h"
#include "pipeline/RenderPipeline.h"
#include "pipeline/StageRegistry.h"
#include "providers/ApiKeyStore.h"
#include "providers/ImageGenerator.h"
#include "providers/ImageGenerators.h"
#include "store/ProjectStore.h"
#include "store/RunHistory.h"
#include "store/StalePartials.h"
#include "util/Log.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <atomic>
#include <csignal>
#include <map>
#include <optional>

namespace diy::cli {

namespace {

int runRender(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")}, QString(), QStringLiteral("file"));
    const QCommandLineOption jobsOption({QStringLiteral("j"), QStringLiteral("jobs")}, QString(), QStringLiteral("n"));
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    const QCommandLineOption noChecksOption(QStringLiteral("no-checks"));
    const QCommandLineOption draftOption(QStringLiteral("draft"));
    const QCommandLineOption yesOption(QStringLiteral("yes"));
    parser.addOptions({outputOption, jobsOption, jsonOption, noChecksOption, draftOption, yesOption});
    parser.addPositionalArgument(QStringLiteral("project-dir"), QString());
    if (!parseCommandLine(parser, QStringLiteral("render"), args))
        return ExitUsage;

    int jobs = 0;
    if (parser.isSet(jobsOption)) {
        bool ok = false;
        jobs = parser.value(jobsOption).toInt(&ok);
        if (!ok || jobs < 1 || jobs > 64) {
            printErr(QStringLiteral("--jobs needs a whole number from 1 to 64."));
            return ExitUsage;
        }
    }
    QString output = parser.value(outputOption);
    if (parser.isSet(outputOption) && output.isEmpty()) {
        printErr(QStringLiteral("--output needs a file name."));
        return ExitUsage;
    }
    const bool asJson = parser.isSet(jsonOption);
    const bool checks = !parser.isSet(noChecksOption);
    const bool draft = parser.isSet(draftOption);
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        printErr(QStringLiteral("Which project? Usage: diy-studio-cli render <project-dir> [-o out.mp4] [--jobs N] [--json]"));
        return ExitUsage;
    }
    if (positional.size() > 1) {
        printErr(QStringLiteral("Only one project folder, please (got '%1' and '%2').").arg(positional.at(0), positional.at(1)));
        return ExitUsage;
    }
    QString projectDir = positional.first();
    projectDir = QFileInfo(projectDir).absoluteFilePath();
    if (!output.isEmpty()) {
        output = QFileInfo(output).absoluteFilePath();
        if (!QFileInfo(QFileInfo(output).absolutePath()).isDir()) {
            printErr(QStringLiteral("The folder for %1 does not exist.").arg(output));
            return ExitBadInput;
        }
    }

    // Work files left by a killed render of this project (dead processes only) go now.
    const QStringList swept = StalePartials::sweep(projectDir);
    if (!swept.isEmpty() && !asJson)
        printErr(QStringLiteral("Removed %1 work file(s) left by an interrupted render.").arg(swept.size()));

    // Every referenced file (pictures, music) is checked now and all problems listed at once.
    FieldProblems problems;
    auto loaded = ProjectStore::loadForRender(projectDir, &problems);
    if (!loaded) {
        printErr(QStringLiteral("error: %1").arg(loaded.error().message));
        for (const FieldProblem &p : problems)
            printErr(QStringLiteral("  %1: %2").arg(p.path, p.message));
        return ExitBadInput;
    }
    Project project = *loaded;
    if (const FieldProblems blockers = project.renderBlockers(); !blockers.isEmpty()) {
        printErr(QStringLiteral("error: %1 cannot be rendered yet (%2 problem%3). Fix these in the studio or in project.json:")
                     .arg(projectDir)
                     .arg(blockers.size())
                     .arg(blockers.size() == 1 ? QString() : QStringLiteral("s")));
        for (const FieldProblem &p : blockers)
            printErr(QStringLiteral("  %1: %2").arg(p.path, p.message));
        return ExitBadInput;
    }

    // Scenes the project's AI image provider still has to draw are paid: only with --yes.
    QNetworkAccessManager network;
    ApiKeyStore keys;
    ProviderSet providers = ProviderSet::offline();
    providers.images = ImageGenerators::make(project.imageProvider, &network, &keys);
    if (const int pending = ProductionJob::picturesToDraw(project, projectDir, providers.images);
        pending > 0 && !parser.isSet(yesOption)) {
        printErr(
            QStringLiteral("%1 scene picture%2 still to be drawn by %3 (list price about $%4). Add --yes to draw them in this "
                           "render, or see the full estimate with: diy-studio-cli continue \"%5\"")
                .arg(pending)
                .arg(pending == 1 ? QStringLiteral(" is") : QStringLiteral("s are"))
                .arg(providers.images->info().displayName)
                .arg(pending * providers.images->info().costPerUnit, 0, 'f', 2)
                .arg(projectDir));
        return ExitUsage;
    }

    RenderPipeline::Options options;
    options.jobs = jobs;
    options.outputPath = output;
    options.runChecks = checks;
    if (draft) // half size, even dimensions: a quick preview of pacing and captions
        options.frameSize = QSize(project.brief.format.size().width() / 4 * 2, project.brief.format.size().height() / 4 * 2);
    // Without AI pictures the pipeline paints frames in its own pool (see RenderPipeline).
    const std::unique_ptr<RenderPipeline> owned = providers.images
                                                      ? std::make_unique<RenderPipeline>(project, projectDir, options, providers)
                                                      : std::make_unique<RenderPipeline>(project, projectDir, options);
    RenderPipeline &pipeline = *owned;
    ProgressPrinter printer(stdoutIsTerminal(), asJson);

    QObject::connect(&pipeline, &RenderPipeline::stageStarted, &pipeline,
                     [&](RenderStage stage, int items, int reused) { printer.stageStarted(stage, items, reused); });
    QObject::connect(&pipeline, &RenderPipeline::itemFinished, &pipeline,
                     [&](RenderStage stage, int, bool reused) { printer.itemFinished(stage, reused); });
    QObject::connect(&pipeline, &RenderPipeline::stageProgressChanged, &pipeline,
                     [&](RenderStage stage, double fraction, qint64) { printer.stageProgress(stage, fraction); });
    QObject::connect(&pipeline, &RenderPipeline::progressChanged, &pipeline,
                     [&](const JobProgress &p) { printer.progress(p.fraction, p.etaMs); });
    QObject::connect(&pipeline, &RenderPipeline::stageFinished, &pipeline,
                     [&](RenderStage stage, double seconds) { printer.stageFinished(stage, seconds); });

    int exitCode = ExitFailure;
    QEventLoop loop;
    QObject::connect(&pipeline, &RenderPipeline::finished, &loop, [&](const Status &) {
        const Result<RenderSummary> result = pipeline.result();
        printer.clearLine();
        // Every run the pipeline started is recorded (done, failed or cancelled), as the studio
        // does; the project is reread first so edits made meanwhile (in the studio) are kept.
        const Status recorded =
            RunHistory::recordInFolder(projectDir, pipeline.runRecord(), result ? std::optional(result->render) : std::nullopt);
        if (!recorded)
            printErr(QStringLiteral("warning: the run could not be recorded in the project file: %1").arg(recorded.error().message));
        if (!result) {
            const Error &e = result.error();
            printErr(e.isCancelled() ? QStringLiteral("Cancelled. Finished work is kept; run the same command to resume.")
                                     : QStringLiteral("error: %1").arg(e.message));
            if (!e.detail.isEmpty() && !e.isCancelled())
                printErr(QStringLiteral("  detail: %1").arg(e.detail.right(2000)));
            exitCode = exitCodeFor(e);
        } else {
            const RenderSummary &s = *result;
            if (asJson) {
                printOut(QString::fromStdString(s.toJson().dump(2)));
            } else {
                const std::optional<Result<TechnicalReport>> report =
                    s.checks.is_null() ? std::nullopt : std::optional(TechnicalReport::fromJson(s.checks));
                printOut(QStringLiteral("Done: %1").arg(s.outputPath));
                printOut(QStringLiteral("  %1 scenes, %2 long, rendered in %3 s (%4 items made, %5 reused)")
                             .arg(s.scenes)
                             .arg(formatDuration(s.durationMs))
                             .arg(s.totalSeconds, 0, 'f', 1)
                             .arg(s.itemsMade)
                             .arg(s.itemsReused));
                if (report && !*report) {
                    printErr(QStringLiteral("warning: %1").arg((*report).error().message));
                } else if (report) {
                    const TechnicalReport &r = **report;
                    if (!s.reportPath.isEmpty())
                        printOut(QStringLiteral("  checks: %1 error(s), %2 warning(s) — %3")
                                     .arg(r.errors())
                                     .arg(r.warnings())
                                     .arg(s.reportPath));
                    for (const QualityFinding &f : r.findings())
                        if (f.severity != QualityFinding::Severity::Info)
                            printOut(QStringLiteral("    %1: %2").arg(toString(f.severity), f.message));
                }
            }
            exitCode = ExitOk;
        }
        loop.quit();
    });

    InterruptGuard interrupts(&pipeline);
    pipeline.start();
    loop.exec();
    return exitCode;
}

const CliCommand::Registration registration({
    QStringLiteral("render"),
    QStringLiteral("Render a project folder to an MP4 with the offline engines"),
    QStringLiteral(
        "Usage: diy-studio-cli render <project-dir> [-o out.mp4] [--jobs N] [--json] [--no-checks] [--draft] [--yes]\n\n"
        "Renders the project's scenes to one MP4: scene images, espeak-ng narration, segments with\n"
        "burned-in captions, a stream-copy merge, and technical checks. Finished work is cached in\n"
        "<project-dir>/assets/cache by the hash of its inputs, so re-running after an edit or an\n"
        "interruption only redoes what changed. The video is written to <project-dir>/renders/.\n\n"
        "  -o, --output FILE  also copy the final video to FILE\n"
        "  -j, --jobs N       scenes processed in parallel (default: the number of cores)\n"
        "  --json             print a JSON summary (duration, scenes, time per stage, checks)\n"
        "  --no-checks        skip the technical checks\n"
        "  --draft            half-size preview render (cached separately)\n"
        "  --yes              draw the scene pictures the project's AI provider still owes (paid)\n\n"
        "Exit codes: 0 done, 1 render failed, 2 usage, 3 bad project or input, 4 missing ffmpeg/\n"
        "ffprobe/espeak-ng, 5 cancelled, 6 a picture server could not be reached."),
    runRender,
});

} // namespace

} // namespace diy::cli
