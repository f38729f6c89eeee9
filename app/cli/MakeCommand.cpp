// diy-studio-cli make / continue: from a one-line brief to a finished video with AI.
#include "CliCommand.h"
#include "CliProgress.h"

#include "model/CostEstimate.h"
#include "model/Ledger.h"
#include "model/PriceTable.h"
#include "model/Project.h"
#include "pipeline/ProductionEstimate.h"
#include "pipeline/ProductionJob.h"
#include "providers/ApiKeyStore.h"
#include "providers/ImageGenerator.h"
#include "providers/ImageGenerators.h"
#include "store/ProjectStore.h"
#include "store/StalePartials.h"
#include "tensorzero/GatewayAddress.h"
#include "tensorzero/TensorZeroClient.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <unistd.h>

namespace diy::cli {

namespace {

/// Options both commands share.
struct RunOptions {
    bool review = false;
    bool yes = false;
    bool json = false;
    bool draft = false;
    QString output;
    QString gateway;
    int jobs = 0;
};

QString slugOf(const QString &text)
{
    QString slug = text.toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    slug = slug.mid(0, 48);
    while (slug.startsWith(QLatin1Char('-')))
        slug.remove(0, 1);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("video") : slug;
}

/// The estimate of what is still to do for `project`, printed; true when the creator (or --yes)
/// agrees. Without a terminal and without --yes nothing paid starts (and nothing blocks).
bool confirmEstimate(const Project &project, const QString &projectDir, const std::shared_ptr<ImageGenerator> &images,
                     const RunOptions &run)
{
    const PriceTable prices = PriceTable::defaultTable().valueOr(PriceTable::bundled());
    const CostEstimate estimate = ProductionEstimate::make(project, projectDir, images, prices);
    if (!run.json) {
        printOut(QStringLiteral("Estimate (list prices as of %1):").arg(estimate.pricesAsOf));
        for (const CostEstimate::Line &line : estimate.lines) {
            const QString what =
                line.pictures > 0
                    ? QStringLiteral("%1 picture%2").arg(line.pictures).arg(line.pictures == 1 ? QString() : QStringLiteral("s"))
                    : QStringLiteral("~%1 tokens").arg(line.inputTokens + line.outputTokens);
            printOut(QStringLiteral("  %1  %2 (%3)  %4  ~%5 s%6")
                         .arg(line.what, -22)
                         .arg(what, line.model.isEmpty() ? QStringLiteral("no model") : line.model)
                         .arg(line.priced ? QStringLiteral("$%1").arg(line.costUsd, 0, 'f', 3) : QStringLiteral("price unknown"))
                         .arg(line.seconds, 0, 'f', 0)
                         .arg(line.secondsMeasured ? QString() : QStringLiteral(" (typical)")));
        }
        printOut(QStringLiteral("  Total: $%1%2, about %3")
                     .arg(estimate.costUsd(), 0, 'f', 3)
                     .arg(estimate.complete() ? QString() : QStringLiteral(" + unpriced calls"))
                     .arg(formatDuration(qint64(estimate.seconds() * 1000))));
    }
    if (estimate.lines.isEmpty() || estimate.costUsd() <= 0.0 || run.yes)
        return true;
    if (!isatty(STDIN_FILENO)) {
        printErr(QStringLiteral("Paid work needs a yes: run again with --yes to accept the estimate (no terminal to ask on)."));
        return false;
    }
    std::fputs("Go ahead? [y/N] ", stdout);
    std::fflush(stdout);
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == QStringLiteral("y") || answer == QStringLiteral("yes");
}

/// Reads the image provider's key before anything is paid: a missing key is said now, not after
/// the script and the prompts were bought.
Status checkImageKey(const std::shared_ptr<ImageGenerator> &images, ApiKeyStore *keys)
{
    if (!images || images->info().keyName.isEmpty())
        return {};
    QEventLoop loop;
    auto *job = keys->read(images->info().keyName, nullptr);
    Status outcome;
    QObject::connect(job, &Job::finished, &loop, [&](const Status &status) {
        outcome = status;
        loop.quit();
    });
    job->start();
    if (!job->isFinished())
        loop.exec();
    delete job;
    return outcome;
}

QString stopName(ProductionSummary::Stop stop)
{
    switch (stop) {
    case ProductionSummary::Stop::ScriptReview: return QStringLiteral("script-review");
    case ProductionSummary::Stop::PicturesReview: return QStringLiteral("pictures-review");
    case ProductionSummary::Stop::Finished: break;
    }
    return QStringLiteral("finished");
}

/// Checks the key, shows the estimate and, once agreed, runs the production. `create`: the project
/// folder is made (and the project saved) only after that, so a declined estimate leaves nothing.
int produce(Project project, const QString &projectDir, const RunOptions &run, bool create)
{
    QNetworkAccessManager network;
    ApiKeyStore keys;
    const std::shared_ptr<ImageGenerator> images = ImageGenerators::make(project.imageProvider, &network, &keys);
    if (project.imageProvider != QStringLiteral("cards") && !images) {
        printErr(QStringLiteral("error: unknown picture provider '%1' in the project.").arg(project.imageProvider));
        return ExitBadInput;
    }
    if (const Status key = checkImageKey(images, &keys); !key) {
        printErr(QStringLiteral("error: %1").arg(key.error().message));
        printErr(QStringLiteral("  Or make the pictures as cards: --images cards."));
        return ExitBadInput;
    }
    if (!confirmEstimate(project, projectDir, images, run))
        return ExitCancelled;
    if (create) {
        if (!QDir().mkpath(projectDir)) {
            printErr(QStringLiteral("error: cannot create the project folder %1.").arg(projectDir));
            return ExitBadInput;
        }
        if (const Status saved = ProjectStore::save(project, projectDir); !saved) {
            printErr(QStringLiteral("error: %1").arg(saved.error().message));
            return ExitBadInput;
        }
        if (!run.json)
            printOut(QStringLiteral("Project: %1").arg(projectDir));
    }

    TensorZeroClient::Options clientOptions;
    clientOptions.baseUrl = GatewayAddress::resolve(run.gateway);
    TensorZeroClient client(&network, clientOptions);

    ProductionJob::Options options;
    options.client = &client;
    options.images = images;
    options.reviewScript = run.review;
    options.reviewPictures = run.review;
    options.render.jobs = run.jobs;
    options.render.outputPath = run.output;
    if (run.draft) // half size, even dimensions: a quick look at pacing and captions (cached separately)
        options.render.frameSize = QSize(project.brief.format.size().width() / 4 * 2, project.brief.format.size().height() / 4 * 2);
    ProductionJob job(std::move(project), projectDir, options);

    ProgressPrinter printer(stdoutIsTerminal(), run.json);
    QObject::connect(&job, &ProductionJob::stepStarted, &job, [&](const QString &step) {
        if (run.json)
            return;
        printer.clearLine();
        if (step == QStringLiteral("script"))
            printOut(QStringLiteral("[script] writing the script with AI…"));
        else if (step == QStringLiteral("prompts"))
            printOut(QStringLiteral("[prompts] writing one picture prompt per scene…"));
    });
    QObject::connect(&job, &ProductionJob::pipelineStarted, &job, [&](RenderPipeline *pipeline) {
        QObject::connect(pipeline, &RenderPipeline::stageStarted, pipeline,
                         [&](RenderStage stage, int items, int reused) { printer.stageStarted(stage, items, reused); });
        QObject::connect(pipeline, &RenderPipeline::itemFinished, pipeline,
                         [&](RenderStage stage, int, bool reused) { printer.itemFinished(stage, reused); });
        QObject::connect(pipeline, &RenderPipeline::stageProgressChanged, pipeline,
                         [&](RenderStage stage, double fraction, qint64) { printer.stageProgress(stage, fraction); });
        QObject::connect(pipeline, &Job::progressChanged, pipeline,
                         [&](const JobProgress &p) { printer.progress(p.fraction, p.etaMs); });
        QObject::connect(pipeline, &RenderPipeline::stageFinished, pipeline,
                         [&](RenderStage stage, double seconds) { printer.stageFinished(stage, seconds); });
    });

    int exitCode = ExitFailure;
    QEventLoop loop;
    QObject::connect(&job, &Job::finished, &loop, [&](const Status &) {
        printer.clearLine();
        const Result<ProductionSummary> result = job.result();
        const Ledger::Totals totals = Ledger::load(projectDir).valueOr(Ledger{}).totals();
        if (!result) {
            const Error &e = result.error();
            printErr(e.isCancelled()
                         ? QStringLiteral("Cancelled. Everything finished is kept; go on with: diy-studio-cli continue \"%1\"")
                               .arg(projectDir)
                         : QStringLiteral("error: %1").arg(e.message));
            if (!e.detail.isEmpty() && !e.isCancelled())
                printErr(QStringLiteral("  detail: %1").arg(e.detail.right(2000)));
            if (!e.isCancelled())
                printErr(QStringLiteral("  Finished work is kept; after fixing it: diy-studio-cli continue \"%1\"").arg(projectDir));
            exitCode = exitCodeFor(e);
            loop.quit();
            return;
        }
        const ProductionSummary &s = *result;
        if (run.json) {
            nlohmann::json out{{"project", projectDir.toStdString()},
                               {"stop", stopName(s.stop).toStdString()},
                               {"costUsd", s.costUsd},
                               {"paidCalls", s.paidCalls},
                               {"projectCostUsd", totals.costUsd},
                               {"projectPaidCalls", totals.calls}};
            if (s.render)
                out["render"] = s.render->toJson();
            printOut(QString::fromStdString(out.dump(2)));
        } else {
            switch (s.stop) {
            case ProductionSummary::Stop::ScriptReview:
                printOut(QStringLiteral(
                    "The script is written. Review and edit it in the studio (or project.json), then go on with:"));
                printOut(QStringLiteral("  diy-studio-cli continue \"%1\"").arg(projectDir));
                break;
            case ProductionSummary::Stop::PicturesReview:
                printOut(QStringLiteral(
                             "The pictures are drawn (%1). Review, reorder or replace them in the studio, then render with:")
                             .arg(QDir(projectDir).filePath(QStringLiteral("assets/images"))));
                printOut(QStringLiteral("  diy-studio-cli continue \"%1\"").arg(projectDir));
                break;
            case ProductionSummary::Stop::Finished:
                printOut(QStringLiteral("Done: %1").arg(s.render ? s.render->outputPath : QString()));
                if (s.render)
                    printOut(QStringLiteral("  %1 scenes, %2 long, rendered in %3 s")
                                 .arg(s.render->scenes)
                                 .arg(formatDuration(s.render->durationMs))
                                 .arg(s.render->totalSeconds, 0, 'f', 1));
                break;
            }
            printOut(QStringLiteral("  Paid now: %1 call%2, $%3. Project total: %4 call%5, $%6 (ledger.json).")
                         .arg(s.paidCalls)
                         .arg(s.paidCalls == 1 ? QString() : QStringLiteral("s"))
                         .arg(s.costUsd, 0, 'f', 3)
                         .arg(totals.calls)
                         .arg(totals.calls == 1 ? QString() : QStringLiteral("s"))
                         .arg(totals.costUsd, 0, 'f', 3));
        }
        exitCode = ExitOk;
        loop.quit();
    });
    InterruptGuard interrupts(&job);
    job.start();
    if (!job.isFinished())
        loop.exec();
    return exitCode;
}

void addRunOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("review"), QString()});
    parser.addOption({QStringLiteral("yes"), QString()});
    parser.addOption({QStringLiteral("json"), QString()});
    parser.addOption({QStringLiteral("draft"), QString()});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QString(), QStringLiteral("file")});
    parser.addOption({QStringLiteral("gateway"), QString(), QStringLiteral("url")});
    parser.addOption({{QStringLiteral("j"), QStringLiteral("jobs")}, QString(), QStringLiteral("n")});
}

/// Reads the shared options; false (after printing why) on a bad value.
bool readRunOptions(const QCommandLineParser &parser, RunOptions *run)
{
    run->review = parser.isSet(QStringLiteral("review"));
    run->yes = parser.isSet(QStringLiteral("yes"));
    run->json = parser.isSet(QStringLiteral("json"));
    run->draft = parser.isSet(QStringLiteral("draft"));
    run->gateway = parser.value(QStringLiteral("gateway"));
    if (parser.isSet(QStringLiteral("jobs"))) {
        bool ok = false;
        run->jobs = parser.value(QStringLiteral("jobs")).toInt(&ok);
        if (!ok || run->jobs < 1 || run->jobs > 64) {
            printErr(QStringLiteral("--jobs needs a whole number from 1 to 64."));
            return false;
        }
    }
    if (parser.isSet(QStringLiteral("output"))) {
        run->output = parser.value(QStringLiteral("output"));
        if (run->output.isEmpty()) {
            printErr(QStringLiteral("--output needs a file name."));
            return false;
        }
        run->output = QFileInfo(run->output).absoluteFilePath();
        if (!QFileInfo(QFileInfo(run->output).absolutePath()).isDir()) {
            printErr(QStringLiteral("The folder for %1 does not exist.").arg(run->output));
            return false;
        }
    }
    return true;
}

/// A number option within bounds; `fallback` when absent. False (after printing why) when bad.
bool intOption(const QCommandLineParser &parser, const QString &name, int min, int max, int *value)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int v = parser.value(name).toInt(&ok);
    if (!ok || v < min || v > max) {
        printErr(
            QStringLiteral("--%1 needs a whole number from %2 to %3 (got '%4').").arg(name).arg(min).arg(max).arg(parser.value(name)));
        return false;
    }
    *value = v;
    return true;
}

int runMake(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("mode"), QString(), QStringLiteral("kid|adult")});
    parser.addOption({QStringLiteral("duration"), QString(), QStringLiteral("seconds")});
    parser.addOption({QStringLiteral("steps"), QString(), QStringLiteral("n")});
    parser.addOption({QStringLiteral("format"), QString(), QStringLiteral("9:16|16:9|1:1")});
    parser.addOption({QStringLiteral("images"), QString(), QStringLiteral("gemini|openai|cards")});
    parser.addOption({QStringLiteral("project"), QString(), QStringLiteral("dir")});
    addRunOptions(parser);
    parser.addPositionalArgument(QStringLiteral("description"), QString());
    if (!parseCommandLine(parser, QStringLiteral("make"), args))
        return ExitUsage;
    RunOptions run;
    if (!readRunOptions(parser, &run))
        return ExitUsage;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        printErr(QStringLiteral("One description, in quotes, please: diy-studio-cli make \"how to make a bird feeder\""));
        return ExitUsage;
    }

    Brief brief;
    brief.description = positional.first().trimmed();
    if (parser.isSet(QStringLiteral("mode"))) {
        const QString mode = parser.value(QStringLiteral("mode"));
        if (mode != QStringLiteral("kid") && mode != QStringLiteral("adult")) {
            printErr(QStringLiteral("--mode is kid or adult (got '%1').").arg(mode));
            return ExitUsage;
        }
        brief.contentMode = mode == QStringLiteral("adult") ? Brief::ContentMode::Adult : Brief::ContentMode::Kid;
    }
    if (!intOption(parser, QStringLiteral("duration"), Brief::kDurationMin, Brief::kDurationMax, &brief.targetDurationSeconds)
        || !intOption(parser, QStringLiteral("steps"), Brief::kStepsMin, Brief::kStepsMax, &brief.expectedSteps))
        return ExitUsage;
    if (parser.isSet(QStringLiteral("format")) && !VideoFormat::fromId(parser.value(QStringLiteral("format")), &brief.format)) {
        printErr(QStringLiteral("--format is 9:16, 16:9 or 1:1 (got '%1').").arg(parser.value(QStringLiteral("format"))));
        return ExitUsage;
    }
    QString images = parser.isSet(QStringLiteral("images")) ? parser.value(QStringLiteral("images")) : QStringLiteral("cards");
    if (images != QStringLiteral("cards") && !ImageGenerators::ids().contains(images)) {
        printErr(QStringLiteral("--images is gemini, openai or cards (got '%1').").arg(images));
        return ExitUsage;
    }
    if (const FieldProblems problems = brief.validate(); !problems.isEmpty()) {
        printErr(QStringLiteral("error: the brief cannot be used (%1 problem%2):")
                     .arg(problems.size())
                     .arg(problems.size() == 1 ? QString() : QStringLiteral("s")));
        for (const FieldProblem &p : problems)
            printErr(QStringLiteral("  %1: %2").arg(p.path, p.message));
        return ExitBadInput;
    }

    QString projectDir = parser.value(QStringLiteral("project"));
    if (projectDir.isEmpty()) {
        const QString videos = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
        const QString root = QDir(videos.isEmpty() ? QDir::homePath() : videos).filePath(QStringLiteral("DIY Video Studio"));
        projectDir = QDir(root).filePath(slugOf(brief.description));
        for (int n = 2; QFileInfo::exists(projectDir); ++n)
            projectDir = QDir(root).filePath(QStringLiteral("%1-%2").arg(slugOf(brief.description)).arg(n));
    }
    projectDir = QFileInfo(projectDir).absoluteFilePath();
    if (QFileInfo::exists(ProjectStore::projectFile(projectDir))) {
        printErr(QStringLiteral("error: %1 already holds a project. Go on with it: diy-studio-cli continue \"%1\"").arg(projectDir));
        return ExitBadInput;
    }
    Project project = Project::create(brief.description.left(80), brief);
    project.imageProvider = images;
    return produce(std::move(project), projectDir, run, true);
}

int runContinue(const QStringList &args)
{
    QCommandLineParser parser;
    addRunOptions(parser);
    parser.addPositionalArgument(QStringLiteral("project-dir"), QString());
    if (!parseCommandLine(parser, QStringLiteral("continue"), args))
        return ExitUsage;
    RunOptions run;
    if (!readRunOptions(parser, &run))
        return ExitUsage;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        printErr(QStringLiteral("Which project? Usage: diy-studio-cli continue <project-dir> [--review] [--yes]"));
        return ExitUsage;
    }
    const QString projectDir = QFileInfo(positional.first()).absoluteFilePath();
    StalePartials::sweep(projectDir);
    FieldProblems problems;
    auto loaded = ProjectStore::load(projectDir, &problems);
    if (!loaded) {
        printErr(QStringLiteral("error: %1").arg(loaded.error().message));
        for (const FieldProblem &p : problems)
            printErr(QStringLiteral("  %1: %2").arg(p.path, p.message));
        return ExitBadInput;
    }
    return produce(*loaded, projectDir, run, false);
}

const QString kRunHelp =
    QStringLiteral("  --review           stop after the script, and again after the pictures, to review them\n"
                   "  --yes              accept the estimate without asking (needed without a terminal)\n"
                   "  -o, --output FILE  also copy the final video to FILE\n"
                   "  --gateway URL      the TensorZero gateway (default: $DIY_TENSORZERO_URL or http://localhost:3000)\n"
                   "  -j, --jobs N       scenes encoded in parallel\n"
                   "  --draft            half-size preview render (cached separately)\n"
                   "  --json             print a JSON summary\n\n"
                   "Keys: GEMINI_API_KEY / OPENAI_API_KEY in the environment or the keychain (studio settings).\n"
                   "Exit codes: 0 done or stopped for review, 1 failed, 2 usage, 3 bad brief, project or missing key,\n"
                   "4 missing ffmpeg/ffprobe/espeak-ng, 5 cancelled or estimate declined, 6 a server could not be reached.");

const CliCommand::Registration makeRegistration({
    QStringLiteral("make"),
    QStringLiteral("Make a video from a one-line brief with AI (script, prompts, pictures, render)"),
    QStringLiteral("Usage: diy-studio-cli make \"<description>\" [--mode kid|adult] [--duration S] [--steps N]\n"
                   "       [--format 9:16|16:9|1:1] [--images gemini|openai|cards] [--review] [--yes]\n"
                   "       [--project DIR] [-o out.mp4] [--json]\n\n"
                   "Creates a project folder (default: <Videos>/DIY Video Studio/<name>), shows what the run will\n"
                   "cost and take, then writes the script (TensorZero script_generator), the picture prompts\n"
                   "(prompt_enhancer), draws the pictures and renders the video. Everything finished is kept: a\n"
                   "run that is stopped or killed goes on with `diy-studio-cli continue <project>` and pays\n"
                   "for nothing twice.\n\n")
        + kRunHelp,
    runMake,
});

const CliCommand::Registration continueRegistration({
    QStringLiteral("continue"),
    QStringLiteral("Go on with a project made by `make` (after a review or an interruption)"),
    QStringLiteral("Usage: diy-studio-cli continue <project-dir> [--review] [--yes] [-o out.mp4] [--json]\n\n"
                   "Does what is still missing — script, prompts, pictures, render — reusing everything finished.\n\n")
        + kRunHelp,
    runContinue,
});

} // namespace

} // namespace diy::cli
