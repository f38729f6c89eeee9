#include "progress/RenderController.h"
#include "util/BackgroundPool.h"

#include "common/ProjectDocument.h"
#include "pipeline/RenderPipeline.h"
#include "progress/RenderStageModel.h"
#include "store/RunHistory.h"
#include "util/Log.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QThread>
#include <QtConcurrent>

#include <optional>

namespace diy::ui {

RenderController::RenderController(ProjectDocument *document, QObject *parent)
    : QObject(parent), m_document(document), m_stages(new RenderStageModel(this))
{
    qRegisterMetaType<diy::RenderStage>();
    m_planDebounce.setSingleShot(true);
    m_planDebounce.setInterval(400);
    connect(&m_planDebounce, &QTimer::timeout, this, &RenderController::refreshPlan);
    connect(m_document, &ProjectDocument::changed, this, [this](int aspects) {
        if (aspects
            & (ProjectDocument::BriefAspect | ProjectDocument::ScriptAspect | ProjectDocument::ImagesAspect
               | ProjectDocument::RenderAspect))
            m_planDebounce.start();
    });
    connect(m_document, &ProjectDocument::opened, this, [this] {
        m_state = StageState::Waiting;
        m_lastElapsedMs = -1;
        m_hasPlan = false;
        refreshPlan();
    });
}

RenderController::~RenderController()
{
    if (m_pipeline) {
        QMetaObject::invokeMethod(m_pipeline, &RenderPipeline::cancel, Qt::QueuedConnection);
        teardown(true);
    }
}

bool RenderController::start()
{
    if (m_running || !m_document->isOpen())
        return false;
    if (const FieldProblems blockers = m_document->project().renderBlockers(); !blockers.isEmpty()) {
        logInfo(QStringLiteral("Studio: render refused, the project is not ready: %1")
                    .arg(problemLines(blockers).join(QStringLiteral("; "))));
        return false;
    }
    m_running = true;
    m_state = StageState::Running;
    m_progress = 0.0;
    m_etaMs = -1;
    m_currentLabel.clear();
    m_lastError = Error();
    m_elapsed.start();
    if (m_hasPlan)
        m_stages->showPlan(m_plan, false);

    RenderPipeline::Options options;
    options.jobs = m_jobs;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("render"));
    m_pipeline = new RenderPipeline(m_document->project(), m_document->folder(), options);
    m_pipeline->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_pipeline, &QObject::deleteLater);

    connect(m_pipeline, &RenderPipeline::stageStarted, this, [this](RenderStage stage, int items, int reused) {
        m_stages->stageStarted(stage, items, reused);
        emit stateChanged();
    });
    connect(m_pipeline, &RenderPipeline::itemStarted, this, [this](RenderStage stage, int, const QString &label) {
        m_currentLabel = RenderStageModel::creatorTitle(stage) + QStringLiteral(": ") + label;
        m_stages->itemStarted(stage, label);
    });
    connect(m_pipeline, &RenderPipeline::itemFinished, this,
            [this](RenderStage stage, int, bool reused) { m_stages->itemFinished(stage, reused); });
    connect(m_pipeline, &RenderPipeline::stageProgressChanged, this,
            [this](RenderStage stage, double fraction, qint64) { m_stages->stageProgress(stage, fraction); });
    connect(m_pipeline, &RenderPipeline::stageFinished, this, [this](RenderStage stage, double seconds) {
        m_stages->stageFinished(stage, seconds);
        emit stateChanged();
    });
    connect(m_pipeline, &RenderPipeline::progressChanged, this, [this](const JobProgress &p) {
        m_progress = p.fraction;
        m_etaMs = p.etaMs;
        emit progressChanged(p.fraction, p.etaMs);
    });
    connect(m_pipeline, &RenderPipeline::finished, this, [this] {
        if (!m_pipeline)
            return;
        // Queued from the render thread; the pipeline is done, so its result can be read here.
        onPipelineFinished(m_pipeline->result(), m_pipeline->runRecord());
    });

    m_thread->start();
    QMetaObject::invokeMethod(m_pipeline, &RenderPipeline::start, Qt::QueuedConnection);
    logInfo(QStringLiteral("Studio: render started for %1").arg(m_document->folder()));
    emit started();
    emit stateChanged();
    return true;
}

void RenderController::cancel()
{
    if (!m_running || !m_pipeline)
        return;
    QMetaObject::invokeMethod(m_pipeline, &RenderPipeline::cancel, Qt::QueuedConnection);
}

void RenderController::onPipelineFinished(const diy::Result<diy::RenderSummary> &result, const diy::RunRecord &record)
{
    m_running = false;
    m_lastElapsedMs = m_elapsed.elapsed();
    m_currentLabel.clear();
    // The pipeline's own record of the run (done, failed or cancelled): the same facts the CLI
    // records. The pipeline no longer changes it once it has emitted finished().
    const std::optional<RunRecord> run = record;
    teardown(false);
    std::optional<RenderRecord> render;
    if (result) {
        m_state = StageState::Done;
        m_progress = 1.0;
        m_etaMs = 0;
        render = result->render;
    } else {
        m_lastError = result.error();
        m_state = result.error().isCancelled() ? StageState::Cancelled : StageState::Failed;
        m_stages->runEnded(m_state);
    }
    if (run)
        m_document->update(ProjectDocument::RenderAspect, [&](Project &p) { RunHistory::record(p, *run, render); });
    emit stateChanged();
    emit finished(result);
}

void RenderController::teardown(bool wait)
{
    if (!m_thread)
        return;
    disconnect(m_pipeline, nullptr, this, nullptr);
    QThread *thread = m_thread;
    m_thread = nullptr;
    m_pipeline = nullptr; // deleted in its thread when the thread finishes
    thread->quit();
    if (wait) {
        thread->wait(); // only when the controller itself goes away
        delete thread;
        return;
    }
    thread->setParent(nullptr);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
}

void RenderController::refreshPlan()
{
    if (!m_document->isOpen() || m_running)
        return;
    const Project project = m_document->project();
    const QString folder = m_document->folder();
    const quint64 generation = ++m_planGeneration;
    auto *watcher = new QFutureWatcher<RenderPlan>(this);
    connect(watcher, &QFutureWatcher<RenderPlan>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_planGeneration || m_running)
            return;
        m_plan = watcher->result();
        m_hasPlan = true;
        const bool hadRender = m_document->project().lastRender.has_value();
        m_stages->showPlan(m_plan, hadRender);
        if (m_state != StageState::Failed && m_state != StageState::Cancelled)
            m_state = m_plan.upToDate() ? StageState::Done : hadRender ? StageState::Stale : StageState::Waiting;
        emit planReady();
        emit stateChanged();
    });
    watcher->setFuture(
        QtConcurrent::run(BackgroundPool::instance(), [project, folder] { return RenderPlan::make(project, folder); }));
}

} // namespace diy::ui
