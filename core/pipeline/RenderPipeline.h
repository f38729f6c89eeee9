#pragma once

#include "model/Project.h"
#include "pipeline/RenderPlan.h"
#include "pipeline/RenderStage.h"
#include "pipeline/RenderSummary.h"
#include "pipeline/StageRegistry.h"
#include "util/Job.h"

#include <QElapsedTimer>
#include <QThreadPool>

#include <memory>

namespace diy {

/// Runs a project's plan: every item whose output does not exist yet is made by its stage, as soon
/// as the items it needs are done. A Job: start() once, cancel() at any time (running work stops
/// promptly, finished work is kept), exactly one finished(Status); result() is the summary.
///
/// The scheduler knows items, dependencies and lanes, not stages: up to Options::jobs encodes at
/// once (Encode lane), light local work (frames, narration, checks) fills the gaps — one slot beside
/// running encodes, all of them when nothing encodes, items that feed the encoder first — and each
/// remote provider runs up to its own limit. A stage starts with its first item and finishes with
/// its last. Every output is stored under its key and written atomically, so a re-run reuses every
/// finished item. Runs on the thread it lives on without blocking it.
class RenderPipeline : public ValueJob<RenderSummary> {
    Q_OBJECT
public:
    struct Options {
        int jobs = 0;       ///< parallel encodes; 0 = number of cores
        QString outputPath; ///< also copy the final video here (optional)
        bool runChecks = true;
        QSize frameSize; ///< draft size instead of the format's (even numbers); empty = full size
        /// Run only the items of these stages (and the items they need); empty: everything. With
        /// a subset no video is made (e.g. `make --review` stops after the pictures).
        QList<RenderStage> onlyStages;
    };

    /// `providers`: the engines to use (default: the built-in offline ones).
    RenderPipeline(Project project, QString projectDir, Options options, QObject *parent = nullptr);
    RenderPipeline(Project project, QString projectDir, Options options, const ProviderSet &providers, QObject *parent = nullptr);
    ~RenderPipeline() override;

    const RenderPlan &plan() const { return m_plan; }
    /// The run as recorded in the project — done, failed or cancelled — once finished.
    const RunRecord &runRecord() const { return m_record; }

signals:
    void stageStarted(diy::RenderStage stage, int itemCount, int reusedCount);
    void itemStarted(diy::RenderStage stage, int index, const QString &label);
    void itemFinished(diy::RenderStage stage, int index, bool reused);
    void stageProgressChanged(diy::RenderStage stage, double fraction, qint64 etaMs);
    void stageFinished(diy::RenderStage stage, double seconds);

private:
    struct Run;
    void run() override;
    void abort() override;
    void schedule();
    bool startItem(int index);
    void onItemDone(int index, const Status &status);
    void markStageStarted(const RenderStage &stage);
    void fail(const Error &error);
    void updateProgress();
    void complete();
    Status writeSummary(RenderSummary &summary);

    Project m_project;
    QString m_projectDir;
    Options m_options;
    /// Frame painting runs here, not in the global pool: Qt's raster engine hands big fills of
    /// every painter (the GUI's too) to the global pool and waits for them, so keeping our long
    /// tasks out of it keeps the window responsive. Declared before the registry that uses it.
    QThreadPool m_framePool;
    StageRegistry m_registry;
    RenderPlan m_plan;
    std::unique_ptr<Run> m_run;
    RunRecord m_record;
};

} // namespace diy
