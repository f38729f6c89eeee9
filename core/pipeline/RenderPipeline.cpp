#include "pipeline/RenderPipeline.h"

#include "media/MediaTools.h"
#include "media/NarrationCueFile.h"
#include "model/JsonReader.h"
#include "pipeline/Stage.h"
#include "store/ProjectAssetCheck.h"
#include "store/ProjectStore.h"
#include "util/AtomicFile.h"
#include "util/Log.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QThread>

#include <nlohmann/json.hpp>

#include <map>

namespace diy {

using nlohmann::json;

struct RenderPipeline::Run {
    enum class State { Waiting, Running, Done, Failed };
    struct ItemState {
        State state = State::Waiting;
        double fraction = 0.0;
        QPointer<Job> job;
    };
    struct StageState {
        int total = 0;
        int reused = 0;
        int done = 0;
        double pendingWeight = 0.0;
        double doneWeight = 0.0;
        bool started = false;
        bool finished = false;
        QElapsedTimer timer;
        double share = 0.0; ///< of the overall progress
    };
    QElapsedTimer total;
    QDateTime startedAt;
    std::vector<ItemState> items;
    std::map<RenderStage, StageState> stages;
    std::map<RenderStage, double> stageSeconds;
    int reused = 0;
    int made = 0;
    int jobs = 1;
    bool stopping = false;
    std::optional<Error> failure;
    /// Items refused for their content (a picture's safety block): the other items go on, the
    /// ones that need them wait; the run ends with all of these named.
    QList<Error> refused;
};

RenderPipeline::RenderPipeline(Project project, QString projectDir, Options options, QObject *parent)
    : ValueJob<RenderSummary>(parent), m_project(std::move(project)), m_projectDir(std::move(projectDir)),
      m_options(std::move(options))
{
    m_registry = StageRegistry::standard(ProviderSet::offline(&m_framePool));
    m_project.syncSceneImages();
}

RenderPipeline::RenderPipeline(Project project, QString projectDir, Options options, const ProviderSet &providers, QObject *parent)
    : ValueJob<RenderSummary>(parent), m_project(std::move(project)), m_projectDir(std::move(projectDir)),
      m_options(std::move(options)), m_registry(StageRegistry::standard(providers))
{
    m_project.syncSceneImages();
}

RenderPipeline::~RenderPipeline()
{
    // Running jobs are children: deleting them stops their work. Pool tasks see their flags.
    m_framePool.clear();
    m_framePool.waitForDone();
}

void RenderPipeline::run()
{
    m_run = std::make_unique<Run>();
    Run &run = *m_run;
    run.total.start();
    run.startedAt = QDateTime::currentDateTimeUtc();
    run.jobs = m_options.jobs > 0 ? m_options.jobs : qMax(1, QThread::idealThreadCount());
    m_framePool.setMaxThreadCount(qMax(1, run.jobs));

    if (!m_project.script) {
        fail(Error::invalidInput(QStringLiteral("The project has no script yet: write or import one on the Script page first.")));
        return;
    }
    // One rule everywhere: what the studio and the CLI refuse, the pipeline refuses too.
    if (const FieldProblems blockers = m_project.renderBlockers(); !blockers.isEmpty()) {
        fail(Error::invalidInput(QStringLiteral("The project cannot be rendered yet: %1").arg(blockers.first().message),
                                 problemLines(blockers).join(QLatin1Char('\n'))));
        return;
    }
    // Every referenced picture and the music, checked before anything runs: all problems at once.
    if (const FieldProblems assets = ProjectAssetCheck::check(m_project, m_projectDir); !assets.isEmpty()) {
        const QString more = assets.size() > 1 ? QStringLiteral(" (and %1 more)").arg(assets.size() - 1) : QString();
        // Name the scene a picture belongs to, as the creator knows it ("Step 2 (photo.jpg): …").
        fail(Error::invalidInput(ProjectAssetCheck::describe(m_project, assets.first()) + more,
                                 problemLines(assets).join(QLatin1Char('\n'))));
        return;
    }
    for (MediaTools::Tool tool : {MediaTools::Tool::Ffmpeg, MediaTools::Tool::Ffprobe, MediaTools::Tool::EspeakNg}) {
        if (!m_options.onlyStages.isEmpty())
            break; // a subset (AI pictures) needs no local media tools
        if (auto found = MediaTools::locate(tool); !found) {
            fail(found.error());
            return;
        }
    }
    m_plan = RenderPlan::make(m_project, m_projectDir, m_options.frameSize, &m_registry);
    if (!m_options.onlyStages.isEmpty())
        m_plan.keepOnly(m_options.onlyStages);
    if (!m_options.runChecks) {
        // Nothing depends on the checks: drop them (indices of the other items stay valid because
        // checks are planned last).
        m_plan.items.erase(std::remove_if(m_plan.items.begin(), m_plan.items.end(),
                                          [](const PlanItem &i) { return i.stage == RenderStage::Checks; }),
                           m_plan.items.end());
    }
    for (const PlanItem &item : m_plan.items) {
        QDir().mkpath(QFileInfo(item.outputPath).absolutePath());
        for (const QString &extra : item.extraOutputs)
            QDir().mkpath(QFileInfo(extra).absolutePath());
    }
    QDir().mkpath(ProjectStore::cacheDir(m_projectDir) + QStringLiteral("/captions"));
    QDir().mkpath(ProjectStore::rendersDir(m_projectDir));

    // Every stage of this run is reported, also one with nothing to do (no AI pictures asked for):
    // views show all stages. A subset run reports its stages only; skipped checks are not reported.
    for (const Stage *stage : m_registry.stages()) {
        if (!m_options.onlyStages.isEmpty() ? m_options.onlyStages.contains(stage->id())
                                            : (m_options.runChecks || stage->id() != RenderStage::Checks))
            run.stages[stage->id()];
    }
    run.items.resize(m_plan.items.size());
    for (int i = 0; i < int(m_plan.items.size()); ++i) {
        const PlanItem &item = m_plan.items[i];
        auto &st = run.stages[item.stage];
        ++st.total;
        if (item.done) {
            run.items[i].state = Run::State::Done;
            ++st.reused;
            ++st.done;
        } else {
            st.pendingWeight += item.weight;
        }
    }
    double sum = 0.0;
    for (auto &[stage, st] : run.stages) {
        const Stage *s = m_registry.find(stage);
        st.share = st.total > 0 && s ? s->weight() * double(st.total - st.reused) / st.total : 0.0;
        sum += st.share;
    }
    for (auto &[stage, st] : run.stages)
        st.share = sum > 0 ? st.share / sum : 0.0;

    logInfo(QStringLiteral("Render of '%1': %2 scenes, %3 parallel encodes, output %4")
                .arg(m_project.name)
                .arg(m_plan.scenes.size())
                .arg(run.jobs)
                .arg(m_plan.outputPath));
    // Stages with nothing to do are reported at once, in order.
    for (const RenderStage &stage : allRenderStages()) {
        auto it = run.stages.find(stage);
        if (it == run.stages.end() || it->second.done < it->second.total)
            continue;
        markStageStarted(stage);
        for (int i = 0; i < int(m_plan.items.size()); ++i)
            if (m_plan.items[i].stage == stage)
                emit itemFinished(stage, m_plan.items[i].scene < 0 ? int(m_plan.scenes.size()) : m_plan.items[i].scene, true);
        it->second.finished = true;
        run.reused += it->second.reused;
        run.stageSeconds[stage] = 0.0;
        emit stageFinished(stage, 0.0);
    }
    schedule();
}

void RenderPipeline::abort()
{
    fail(Error::cancelled());
}

void RenderPipeline::markStageStarted(const RenderStage &stage)
{
    auto &st = m_run->stages[stage];
    if (st.started)
        return;
    st.started = true;
    st.timer.start();
    emit stageStarted(stage, st.total, st.reused);
    if (st.done < st.total) {
        // Items reused in stages that still have work are reported as the stage starts.
        for (int i = 0; i < int(m_plan.items.size()); ++i) {
            if (m_plan.items[i].stage == stage && m_run->items[i].state == Run::State::Done) {
                ++m_run->reused;
                emit itemFinished(stage, m_plan.items[i].scene < 0 ? int(m_plan.scenes.size()) : m_plan.items[i].scene, true);
            }
        }
    }
}

void RenderPipeline::schedule()
{
    Run &run = *m_run;
    if (run.stopping || isFinished())
        return;
    const auto ready = [&](int index) {
        for (int input : m_plan.items[index].inputs)
            if (run.items[input].state != Run::State::Done)
                return false;
        return true;
    };
    const auto runningIn = [&](PlanItem::Lane lane, const QString &provider = {}) {
        int n = 0;
        for (int i = 0; i < int(run.items.size()); ++i)
            if (run.items[i].state == Run::State::Running && m_plan.items[i].lane == lane
                && (provider.isEmpty() || m_plan.items[i].provider == provider))
                ++n;
        return n;
    };
    const int count = int(m_plan.items.size());

    // Remote work first: it waits on other machines, so it never takes a local slot.
    for (int i = 0; i < count; ++i) {
        const PlanItem &item = m_plan.items[i];
        if (item.lane != PlanItem::Lane::Remote || run.items[i].state != Run::State::Waiting || !ready(i))
            continue;
        if (item.maxConcurrency > 0 && runningIn(PlanItem::Lane::Remote, item.provider) >= item.maxConcurrency)
            continue;
        if (!startItem(i))
            return;
    }
    // Encodes (the heavy work): up to `jobs` at once, in plan order.
    for (int i = 0; i < count && runningIn(PlanItem::Lane::Encode) < run.jobs; ++i) {
        if (m_plan.items[i].lane == PlanItem::Lane::Encode && run.items[i].state == Run::State::Waiting && ready(i) && !startItem(i))
            return;
    }
    // Light work fills the remaining capacity: one slot beside running encodes, all of them when
    // nothing is encoding; items that feed the encoder (priority 0) first, scene by scene.
    const int lightSlots = runningIn(PlanItem::Lane::Encode) > 0 ? qMax(1, run.jobs / 2) : run.jobs;
    QList<int> light;
    for (int i = 0; i < count; ++i)
        if (m_plan.items[i].lane == PlanItem::Lane::Light && run.items[i].state == Run::State::Waiting)
            light.append(i);
    const auto order = [&](int i) {
        const PlanItem &item = m_plan.items[i];
        return std::tuple(item.priority, item.scene < 0 ? INT_MAX : item.scene, i);
    };
    std::sort(light.begin(), light.end(), [&](int a, int b) { return order(a) < order(b); });
    for (int i : light) {
        if (runningIn(PlanItem::Lane::Light) >= lightSlots)
            break;
        if (ready(i) && !startItem(i))
            return;
    }
    const bool anyRunning =
        std::any_of(run.items.begin(), run.items.end(), [](const Run::ItemState &s) { return s.state == Run::State::Running; });
    if (!anyRunning) {
        const bool all =
            std::all_of(run.items.begin(), run.items.end(), [](const Run::ItemState &s) { return s.state == Run::State::Done; });
        if (all) {
            complete();
        } else if (!run.refused.isEmpty()) {
            // Nothing else can run: what is left needs a refused item. Name every refusal.
            Error error = run.refused.first();
            if (run.refused.size() > 1) {
                QStringList lines;
                for (const Error &e : run.refused)
                    lines.append(e.message);
                error.message += QStringLiteral(" (and %1 more refused: see the details)").arg(run.refused.size() - 1);
                error.detail = lines.join(QLatin1Char('\n'));
            }
            fail(error);
        }
    }
}

bool RenderPipeline::startItem(int index)
{
    Run &run = *m_run;
    const PlanItem &item = m_plan.items[index];
    const Stage *stage = m_registry.find(item.stage);
    if (!stage) {
        fail(Error::internal(QStringLiteral("No stage is registered for '%1'.").arg(item.stage.id)));
        return false;
    }
    const int sceneIndex = item.scene < 0 ? int(m_plan.scenes.size()) : item.scene;
    markStageStarted(item.stage);
    Job *job = stage->makeJob(item, this);
    run.items[index].state = Run::State::Running;
    run.items[index].fraction = 0.0;
    run.items[index].job = job;
    emit itemStarted(item.stage, sceneIndex, item.label);
    connect(job, &Job::progressChanged, this, [this, index](const JobProgress &p) {
        if (m_run && p.fraction >= 0.0) {
            m_run->items[index].fraction = p.fraction;
            updateProgress();
        }
    });
    connect(job, &Job::finished, this, [this, job, index](const Status &status) {
        job->deleteLater();
        onItemDone(index, status);
    });
    job->start();
    return true;
}

void RenderPipeline::onItemDone(int index, const Status &status)
{
    Run &run = *m_run;
    Run::ItemState &state = run.items[index];
    const PlanItem &item = m_plan.items[index];
    state.job = nullptr;
    if (run.stopping) {
        state.state = Run::State::Waiting;
        schedule();
        if (std::none_of(run.items.begin(), run.items.end(), [](const Run::ItemState &s) { return s.state == Run::State::Running; }))
            complete();
        return;
    }
    if (!status) {
        state.state = Run::State::Waiting;
        Error error = status.error();
        if (!error.isCancelled()) {
            const QString where = item.scene >= 0 ? item.label : QStringLiteral("the final video");
            error.message = QStringLiteral("%1 failed for %2: %3").arg(renderStageTitle(item.stage), where, error.message);
        }
        if (error.kind == Error::Kind::Blocked) {
            // One scene's content was refused: every other scene still gets its work done.
            state.state = Run::State::Failed;
            run.refused.append(error);
            updateProgress();
            schedule();
            return;
        }
        fail(error);
        return;
    }
    state.state = Run::State::Done;
    state.fraction = 0.0;
    ++run.made;
    auto &st = run.stages[item.stage];
    ++st.done;
    st.doneWeight += item.weight;
    emit itemFinished(item.stage, item.scene < 0 ? int(m_plan.scenes.size()) : item.scene, false);
    if (st.done == st.total && !st.finished) {
        st.finished = true;
        const double seconds = st.timer.isValid() ? st.timer.elapsed() / 1000.0 : 0.0;
        run.stageSeconds[item.stage] = seconds;
        emit stageFinished(item.stage, seconds);
        logInfo(QStringLiteral("Stage %1 finished in %2 s").arg(item.stage.id).arg(seconds, 0, 'f', 2));
    }
    updateProgress();
    schedule();
}

void RenderPipeline::updateProgress()
{
    Run &run = *m_run;
    double overall = 0.0;
    std::map<RenderStage, double> running;
    for (int i = 0; i < int(run.items.size()); ++i)
        if (run.items[i].state == Run::State::Running)
            running[m_plan.items[i].stage] += run.items[i].fraction * m_plan.items[i].weight;
    for (auto &[stage, st] : run.stages) {
        const double fraction = st.pendingWeight > 0 ? qBound(0.0, (st.doneWeight + running[stage]) / st.pendingWeight, 1.0) : 1.0;
        overall += st.share * fraction;
        if (st.started && !st.finished) {
            const qint64 elapsed = st.timer.elapsed();
            emit stageProgressChanged(stage, fraction, fraction > 0.01 ? qint64(elapsed * (1.0 - fraction) / fraction) : -1);
        }
    }
    // A job may refine its own estimate downwards; what the creator sees never moves backwards.
    const double shown = qMax(progress().fraction, qBound(0.0, overall, 1.0));
    const qint64 elapsed = run.total.elapsed();
    reportProgress(shown, QStringLiteral("Rendering"), shown > 0.02 ? qint64(elapsed * (1.0 - shown) / shown) : -1);
}

void RenderPipeline::fail(const Error &error)
{
    if (isFinished())
        return;
    if (!m_run) {
        m_run = std::make_unique<Run>();
        m_run->total.start();
        m_run->startedAt = QDateTime::currentDateTimeUtc();
    }
    Run &run = *m_run;
    if (run.stopping)
        return;
    run.stopping = true;
    run.failure = error;
    if (!error.isCancelled())
        logError(QStringLiteral("Render failed: %1").arg(error.toString()));
    else
        logInfo(QStringLiteral("Render cancelled"));
    bool anyRunning = false;
    for (int i = 0; i < int(run.items.size()); ++i) {
        Run::ItemState &state = run.items[i];
        if (state.state != Run::State::Running)
            continue;
        anyRunning = true;
        // A paid remote item already sent is let finish when another item failed: its answer is
        // kept (a receipt), so the re-run pays nothing for it. Cancelling stops everything.
        if (!error.isCancelled() && m_plan.items[i].lane == PlanItem::Lane::Remote)
            continue;
        if (state.job)
            state.job->cancel();
    }
    if (!anyRunning)
        complete();
}

Status RenderPipeline::writeSummary(RenderSummary &summary)
{
    for (const RenderPlan::SceneItems &scene : m_plan.scenes) {
        const Result<NarrationResult> narration = NarrationCueFile::read(
            scene.narrationPath.left(scene.narrationPath.size() - 4) + QStringLiteral(".json"), scene.narrationPath);
        const qint64 ms = narration ? narration->durationMs : 0;
        summary.durationMs += ms;
        summary.sceneFiles.push_back(json{{"scene", toStd(scene.scene.displayName())},
                                          {"frame", toStd(scene.framePath)},
                                          {"narration", toStd(scene.narrationPath)},
                                          {"segment", toStd(scene.segmentPath)},
                                          {"durationMs", ms}});
    }
    summary.outputPath = m_plan.outputPath;
    if (const PlanItem *thumbnail = m_plan.item(RenderStage{QStringLiteral("thumbnail")}, -1))
        summary.thumbnailPath = thumbnail->outputPath;
    if (const PlanItem *report = m_options.runChecks ? m_plan.item(RenderStage::Checks, -1) : nullptr) {
        const auto bytes = AtomicFile::read(report->outputPath);
        if (!bytes)
            return bytes.error();
        try {
            summary.checks = json::parse(bytes->toStdString());
        } catch (const json::exception &e) {
            return Error::io(QStringLiteral("The technical report is damaged; render again."), QString::fromUtf8(e.what()));
        }
        summary.reportPath = m_plan.reportPath;
        const Status written = AtomicFile::write(summary.reportPath, *bytes);
        if (!written)
            logWarning(written.error().toString());
        if (summary.checks.contains("video") && summary.checks["video"].contains("durationMs"))
            summary.durationMs = summary.checks["video"]["durationMs"].get<qint64>();
    }
    if (!m_options.outputPath.isEmpty() && QFileInfo(m_options.outputPath).absoluteFilePath() != summary.outputPath) {
        const QString part = m_options.outputPath + QStringLiteral(".part");
        QFile::remove(part);
        if (!QFile::copy(summary.outputPath, part) || !AtomicFile::commit(part, m_options.outputPath)) {
            QFile::remove(part);
            return Error::io(QStringLiteral("The video was made (%1) but could not be copied to %2.")
                                 .arg(summary.outputPath, m_options.outputPath));
        }
        summary.outputPath = QFileInfo(m_options.outputPath).absoluteFilePath();
    }
    return {};
}

void RenderPipeline::complete()
{
    if (isFinished() || !m_run)
        return;
    Run &run = *m_run;
    RenderSummary summary;
    summary.scenes = int(m_plan.scenes.size());
    summary.stageSeconds = run.stageSeconds;
    summary.itemsReused = run.reused;
    summary.itemsMade = run.made;
    summary.totalSeconds = run.total.elapsed() / 1000.0;

    RunRecord record;
    record.kind = QStringLiteral("render");
    record.startedAt = run.startedAt;
    record.itemsReused = run.reused;
    record.itemsMade = run.made;
    for (const auto &[stage, secs] : run.stageSeconds)
        record.stageSeconds[stage.id] = secs;

    const bool subset = !m_options.onlyStages.isEmpty();
    Status outcome = run.failure ? Status(*run.failure) : subset ? Status() : writeSummary(summary);
    record.finishedAt = QDateTime::currentDateTimeUtc();
    record.seconds = run.total.elapsed() / 1000.0;
    if (!outcome) {
        record.outcome = outcome.error().isCancelled() ? QStringLiteral("cancelled") : QStringLiteral("failed");
        record.message = outcome.error().message;
        m_record = record;
        finish(outcome);
        return;
    }
    record.outcome = QStringLiteral("done");
    summary.run = record;
    m_record = record;
    if (subset) {
        QStringList ids;
        for (const RenderStage &stage : m_options.onlyStages)
            ids.append(stage.id);
        logInfo(QStringLiteral("Run of %1 finished in %2 s (%3 items made, %4 reused)")
                    .arg(ids.join(QStringLiteral(", ")))
                    .arg(summary.totalSeconds, 0, 'f', 1)
                    .arg(run.made)
                    .arg(run.reused));
        succeed(std::move(summary));
        return;
    }
    RenderRecord render;
    render.output = QDir(m_projectDir).relativeFilePath(m_plan.outputPath);
    render.inputsHash = m_plan.mergeKey;
    render.durationMs = summary.durationMs;
    render.reportFile = summary.reportPath.isEmpty() ? QString() : QDir(m_projectDir).relativeFilePath(summary.reportPath);
    render.finishedAt = record.finishedAt;
    summary.render = render;
    logInfo(QStringLiteral("Render finished in %1 s: %2 (%3 items made, %4 reused)")
                .arg(summary.totalSeconds, 0, 'f', 1)
                .arg(summary.outputPath)
                .arg(run.made)
                .arg(run.reused));
    succeed(std::move(summary));
}

json RenderSummary::toJson() const
{
    json stages = json::object();
    for (const auto &[stage, secs] : stageSeconds)
        stages[toStd(stage.id)] = secs;
    return json{{"output", toStd(outputPath)},
                {"durationSeconds", durationMs / 1000.0},
                {"scenes", scenes},
                {"totalSeconds", totalSeconds},
                {"stageSeconds", stages},
                {"itemsReused", itemsReused},
                {"itemsMade", itemsMade},
                {"report", toStd(reportPath)},
                {"thumbnail", toStd(thumbnailPath)},
                {"sceneFiles", sceneFiles},
                {"checks", checks}};
}

} // namespace diy
