#pragma once

#include "model/Project.h"
#include "pipeline/RenderPlan.h"
#include "pipeline/RenderStage.h"
#include "pipeline/RenderSummary.h"
#include "util/Result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <memory>

namespace diy {

/// Turns a project's scenes into the final MP4 with the built-in offline engines:
/// frames (cards or the creator's images, framed with overlays) → narration (espeak-ng) →
/// segments (FFmpeg, captions burned in) → merge (concat, stream copy) → technical checks.
///
/// A job object: start() once, cancel() at any time (running processes are stopped promptly),
/// exactly one finished(). Work is scheduled per item as soon as its inputs exist — a scene's
/// segment starts when its frame and narration are done, its checks when the segment is — so the
/// stages overlap: up to Options::jobs encodes run at once while narration and checks fill the
/// gaps. A stage starts with its first item and finishes with its last. Every item's
/// output is stored under its input hash and written atomically, so a re-run reuses every
/// finished item. Runs on the thread it lives on without blocking it: processes are
/// asynchronous and image painting runs in the thread pool.
class RenderPipeline : public QObject {
    Q_OBJECT
public:
    struct Options {
        int jobs = 0;           ///< parallel items; 0 = number of cores
        QString outputPath;     ///< also copy the final video here (optional)
        bool runChecks = true;
        QSize frameSize;        ///< draft size instead of the format's (even numbers); empty = full size
    };

    RenderPipeline(Project project, QString projectDir, Options options, QObject *parent = nullptr);
    ~RenderPipeline() override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    const RenderPlan &plan() const { return m_plan; }
    /// Overall progress 0..1 and the estimated time left (-1 when not known yet).
    double progress() const { return m_progress; }
    qint64 etaMs() const { return m_etaMs; }
    /// The run as recorded in the project (also for failed and cancelled runs), after finished().
    const RunRecord &runRecord() const { return m_record; }

signals:
    void stageStarted(diy::RenderStage stage, int itemCount, int reusedCount);
    void itemStarted(diy::RenderStage stage, int index, const QString &label);
    void itemFinished(diy::RenderStage stage, int index, bool reused);
    void stageProgressChanged(diy::RenderStage stage, double fraction, qint64 etaMs);
    void stageFinished(diy::RenderStage stage, double seconds);
    void progressChanged(double fraction, qint64 etaMs);
    /// Exactly once. On failure the error names the stage and scene and what to do.
    void finished(const diy::Result<diy::RenderSummary> &result);

private:
    struct Run;
    struct Item;
    Item *item(RenderStage stage, int index);
    void schedule();
    bool startItem(Item &item);
    void onItemDone(RenderStage stage, int index, const Status &status);
    void markStageStarted(RenderStage stage);
    void fail(const Error &error);
    void updateProgress();
    void complete();

    Project m_project;
    QString m_projectDir;
    Options m_options;
    RenderPlan m_plan;
    std::unique_ptr<Run> m_run;
    bool m_running = false;
    bool m_finished = false;
    double m_progress = 0.0;
    qint64 m_etaMs = -1;
    RunRecord m_record;
    /// Frame painting runs here, not in the global pool: Qt's raster engine hands big fills of
    /// every painter (the GUI's too) to the global pool and waits for them, so keeping our long
    /// tasks out of it keeps the window responsive.
    QThreadPool m_framePool;
};

} // namespace diy
