#pragma once

#include "pipeline/RenderPlan.h"
#include "pipeline/RenderSummary.h"
#include "progress/StageState.h"
#include "util/Result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QThread;

namespace diy {
class RenderPipeline;
}

namespace diy::ui {

class ProjectDocument;
class RenderStageModel;

/// Runs the document's render on a worker thread (the pipeline and its processes live there, so
/// the GUI thread only receives queued progress signals), keeps the stage table up to date, and
/// computes the render plan off the GUI thread after each edit so stages show as done or stale.
class RenderController : public QObject {
    Q_OBJECT
public:
    RenderController(ProjectDocument *document, QObject *parent = nullptr);
    ~RenderController() override;

    void setParallelJobs(int jobs) { m_jobs = jobs; }
    RenderStageModel *stageModel() const { return m_stages; }
    bool isRunning() const { return m_running; }
    StageState state() const { return m_state; }
    double progress() const { return m_progress; }
    qint64 etaMs() const { return m_etaMs; }
    qint64 elapsedMs() const { return m_running ? m_elapsed.elapsed() : m_lastElapsedMs; }
    QString currentLabel() const { return m_currentLabel; }
    /// The last computed plan (valid once planReady() was emitted).
    const RenderPlan &plan() const { return m_plan; }
    bool hasPlan() const { return m_hasPlan; }
    const Error &lastError() const { return m_lastError; }

    /// Starts a render unless one runs or the project is not ready (Project::renderBlockers(),
    /// which the render page lists). Returns whether it started.
    bool start();
    void cancel();
    /// Recomputes the plan in the thread pool (debounced after edits).
    void refreshPlan();

signals:
    void started();
    void progressChanged(double fraction, qint64 etaMs);
    void stateChanged();
    void planReady();
    void finished(const diy::Result<diy::RenderSummary> &result);

private:
    void onPipelineFinished(const diy::Result<diy::RenderSummary> &result, const diy::RunRecord &record);
    void teardown(bool wait);

    ProjectDocument *m_document;
    RenderStageModel *m_stages;
    QThread *m_thread = nullptr;
    RenderPipeline *m_pipeline = nullptr;
    int m_jobs = 0;
    bool m_running = false;
    StageState m_state = StageState::Waiting;
    double m_progress = 0.0;
    qint64 m_etaMs = -1;
    QElapsedTimer m_elapsed;
    qint64 m_lastElapsedMs = -1;
    QString m_currentLabel;
    RenderPlan m_plan;
    bool m_hasPlan = false;
    quint64 m_planGeneration = 0;
    QTimer m_planDebounce;
    Error m_lastError;
};

} // namespace diy::ui
