// diy-studio-cli render: the offline engine from the terminal.
#include "CliCommand.h"

#include "pipeline/RenderPipeline.h"
#include "store/ProjectStore.h"
#include "util/Log.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <atomic>
#include <csignal>

namespace diy::cli {

namespace {

std::atomic<bool> g_interrupted{false};

void onSignal(int)
{
    g_interrupted = true;
}

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("--:--");
    const qint64 s = (ms + 500) / 1000;
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString bar(double fraction, int width = 24)
{
    const int filled = int(qBound(0.0, fraction, 1.0) * width + 0.5);
    return QString(filled, QChar(0x2588)) + QString(width - filled, QChar(0x2591));
}

int exitCodeFor(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::InvalidInput:
    case Error::Kind::NotFound: return ExitBadInput;
    case Error::Kind::MissingTool: return ExitMissingTool;
    case Error::Kind::Cancelled: return ExitCancelled;
    default: return ExitFailure;
    }
}

/// Draws progress: bars redrawn in place on a terminal, one plain line per event otherwise.
class ProgressPrinter {
public:
    explicit ProgressPrinter(bool terminal, bool quiet) : m_terminal(terminal), m_quiet(quiet) {}

    void stageStarted(RenderStage stage, int items, int reused)
    {
        m_stage = stage;
        m_items = items;
        m_done = reused;
        if (m_quiet)
            return;
        if (!m_terminal)
            printOut(QStringLiteral("[%1] started: %2 item%3, %4 reused from earlier runs")
                         .arg(renderStageId(stage))
                         .arg(items)
                         .arg(items == 1 ? QString() : QStringLiteral("s"))
                         .arg(reused));
        draw(0.0, -1, -1);
    }
    void itemFinished(bool reused)
    {
        if (!reused)
            ++m_done;
    }
    void progress(double stageFraction, qint64 stageEta, double overall, qint64 overallEta)
    {
        m_overall = overall;
        m_overallEta = overallEta;
        draw(stageFraction, stageEta, overallEta);
    }
    void stageFinished(double seconds)
    {
        if (m_quiet)
            return;
        if (m_terminal) {
            draw(1.0, 0, m_overallEta);
            std::fputs("\n", stdout);
            std::fflush(stdout);
        } else {
            printOut(QStringLiteral("[%1] done in %2 s").arg(renderStageId(m_stage)).arg(seconds, 0, 'f', 1));
        }
    }
    void clearLine()
    {
        if (m_terminal && !m_quiet) {
            std::fputs("\r\033[K", stdout);
            std::fflush(stdout);
        }
    }

private:
    void draw(double stageFraction, qint64 stageEta, qint64 overallEta)
    {
        if (m_quiet || !m_terminal)
            return;
        const QString line = QStringLiteral("\r\033[K%1 %2 %3%  %4/%5  ETA %6 | total %7%  ETA %8")
                                 .arg(renderStageTitle(m_stage).leftJustified(15))
                                 .arg(bar(stageFraction))
                                 .arg(int(stageFraction * 100), 3)
                                 .arg(m_done)
                                 .arg(m_items)
                                 .arg(formatDuration(stageEta))
                                 .arg(int(m_overall * 100), 3)
                                 .arg(formatDuration(overallEta));
        const QByteArray bytes = line.toUtf8();
        std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
        std::fflush(stdout);
    }

    bool m_terminal;
    bool m_quiet;
    RenderStage m_stage = RenderStage::Frames;
    int m_items = 0;
    int m_done = 0;
    double m_overall = 0.0;
    qint64 m_overallEta = -1;
};

int runRender(const QStringList &args)
{
    QString projectDir;
    QString output;
    int jobs = 0;
    bool asJson = false;
    bool checks = true;
    bool draft = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QStringLiteral("-o") || a == QStringLiteral("--output")) {
            if (++i >= args.size()) {
                printErr(QStringLiteral("%1 needs a file name.").arg(a));
                return ExitUsage;
            }
            output = args[i];
        } else if (a == QStringLiteral("--jobs") || a == QStringLiteral("-j")) {
            bool ok = false;
            jobs = i + 1 < args.size() ? args[++i].toInt(&ok) : 0;
            if (!ok || jobs < 1 || jobs > 64) {
                printErr(QStringLiteral("--jobs needs a whole number from 1 to 64."));
                return ExitUsage;
            }
        } else if (a == QStringLiteral("--json")) {
            asJson = true;
        } else if (a == QStringLiteral("--no-checks")) {
            checks = false;
        } else if (a == QStringLiteral("--draft")) {
            draft = true;
        } else if (a.startsWith(QLatin1Char('-'))) {
            printErr(QStringLiteral("Unknown option %1. See 'diy-studio-cli render --help'.").arg(a));
            return ExitUsage;
        } else if (projectDir.isEmpty()) {
            projectDir = a;
        } else {
            printErr(QStringLiteral("Only one project folder, please (got '%1' and '%2').").arg(projectDir, a));
            return ExitUsage;
        }
    }
    if (projectDir.isEmpty()) {
        printErr(QStringLiteral("Which project? Usage: diy-studio-cli render <project-dir> [-o out.mp4] [--jobs N] [--json]"));
        return ExitUsage;
    }
    projectDir = QFileInfo(projectDir).absoluteFilePath();
    if (!output.isEmpty()) {
        output = QFileInfo(output).absoluteFilePath();
        if (!QFileInfo(QFileInfo(output).absolutePath()).isDir()) {
            printErr(QStringLiteral("The folder for %1 does not exist.").arg(output));
            return ExitBadInput;
        }
    }

    FieldProblems problems;
    auto loaded = ProjectStore::load(projectDir, &problems);
    if (!loaded) {
        printErr(QStringLiteral("error: %1").arg(loaded.error().message));
        for (const FieldProblem &p : problems)
            printErr(QStringLiteral("  %1: %2").arg(p.path, p.message));
        return ExitBadInput;
    }
    Project project = *loaded;
    if (!project.script) {
        printErr(QStringLiteral("error: %1 has no script yet. Write or import one in the studio first.").arg(projectDir));
        return ExitBadInput;
    }

    RenderPipeline::Options options;
    options.jobs = jobs;
    options.outputPath = output;
    options.runChecks = checks;
    if (draft) // half size, even dimensions: a quick preview of pacing and captions
        options.frameSize = QSize(project.brief.format.size().width() / 4 * 2, project.brief.format.size().height() / 4 * 2);
    RenderPipeline pipeline(project, projectDir, options);
    ProgressPrinter printer(stdoutIsTerminal(), asJson);

    double stageFraction = 0.0;
    qint64 stageEta = -1;
    QObject::connect(&pipeline, &RenderPipeline::stageStarted, &pipeline,
                     [&](RenderStage stage, int items, int reused) { printer.stageStarted(stage, items, reused); });
    QObject::connect(&pipeline, &RenderPipeline::itemFinished, &pipeline,
                     [&](RenderStage, int, bool reused) { printer.itemFinished(reused); });
    QObject::connect(&pipeline, &RenderPipeline::stageProgressChanged, &pipeline,
                     [&](RenderStage, double fraction, qint64 eta) {
                         stageFraction = fraction;
                         stageEta = eta;
                     });
    QObject::connect(&pipeline, &RenderPipeline::progressChanged, &pipeline, [&](double overall, qint64 eta) {
        printer.progress(stageFraction, stageEta, overall, eta);
    });
    QObject::connect(&pipeline, &RenderPipeline::stageFinished, &pipeline,
                     [&](RenderStage, double seconds) { printer.stageFinished(seconds); });

    int exitCode = ExitFailure;
    QEventLoop loop;
    QObject::connect(&pipeline, &RenderPipeline::finished, &loop, [&](const Result<RenderSummary> &result) {
        printer.clearLine();
        if (!result) {
            const Error &e = result.error();
            printErr(e.isCancelled() ? QStringLiteral("Cancelled. Finished work is kept; run the same command to resume.")
                                     : QStringLiteral("error: %1").arg(e.message));
            if (!e.detail.isEmpty() && !e.isCancelled())
                printErr(QStringLiteral("  detail: %1").arg(e.detail.right(2000)));
            exitCode = exitCodeFor(e);
        } else {
            const RenderSummary &s = *result;
            // Record the run in the project; reread first so edits made meanwhile (in the studio)
            // are not overwritten.
            auto latest = ProjectStore::load(projectDir);
            Project updated = latest ? *latest : project;
            updated.runs.append(s.run);
            updated.lastRender = s.render;
            updated.modifiedAt = QDateTime::currentDateTimeUtc();
            if (auto saved = ProjectStore::save(updated, projectDir); !saved)
                printErr(QStringLiteral("warning: the video is done but the project file could not be updated: %1")
                             .arg(saved.error().message));
            if (asJson) {
                printOut(QString::fromStdString(s.toJson().dump(2)));
            } else {
                const bool checked = s.checks.is_object();
                const int warnings = checked ? s.checks.value("warnings", 0) : 0;
                const int errors = checked ? s.checks.value("errors", 0) : 0;
                printOut(QStringLiteral("Done: %1").arg(s.outputPath));
                printOut(QStringLiteral("  %1 scenes, %2 long, rendered in %3 s (%4 items made, %5 reused)")
                             .arg(s.scenes)
                             .arg(formatDuration(s.durationMs))
                             .arg(s.totalSeconds, 0, 'f', 1)
                             .arg(s.itemsMade)
                             .arg(s.itemsReused));
                if (!s.reportPath.isEmpty())
                    printOut(QStringLiteral("  checks: %1 error(s), %2 warning(s) — %3").arg(errors).arg(warnings).arg(s.reportPath));
                if (checked && s.checks.contains("findings")) {
                    for (const auto &f : s.checks["findings"]) {
                        const std::string severity = f.value("severity", std::string("info"));
                        if (severity != "info")
                            printOut(QStringLiteral("    %1: %2").arg(QString::fromStdString(severity),
                                                                     QString::fromStdString(f.value("message", std::string()))));
                    }
                }
            }
            exitCode = ExitOk;
        }
        loop.quit();
    });

    g_interrupted = false;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &pipeline, [&] {
        if (g_interrupted.exchange(false))
            pipeline.cancel();
    });
    interruptPoll.start(100);
    pipeline.start();
    loop.exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return exitCode;
}

const CliCommand::Registration registration({
    QStringLiteral("render"),
    QStringLiteral("Render a project folder to an MP4 with the offline engines"),
    QStringLiteral("Usage: diy-studio-cli render <project-dir> [-o out.mp4] [--jobs N] [--json] [--no-checks] [--draft]\n\n"
                   "Renders the project's scenes to one MP4: scene images, espeak-ng narration, segments with\n"
                   "burned-in captions, a stream-copy merge, and technical checks. Finished work is cached in\n"
                   "<project-dir>/assets/cache by the hash of its inputs, so re-running after an edit or an\n"
                   "interruption only redoes what changed. The video is written to <project-dir>/renders/.\n\n"
                   "  -o, --output FILE  also copy the final video to FILE\n"
                   "  -j, --jobs N       scenes processed in parallel (default: the number of cores)\n"
                   "  --json             print a JSON summary (duration, scenes, time per stage, checks)\n"
                   "  --no-checks        skip the technical checks\n"
                   "  --draft            half-size preview render (cached separately)\n\n"
                   "Exit codes: 0 done, 1 render failed, 2 usage, 3 bad project or input, 4 missing ffmpeg/\n"
                   "ffprobe/espeak-ng, 5 cancelled."),
    runRender,
});

} // namespace

} // namespace diy::cli
