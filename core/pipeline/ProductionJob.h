#pragma once

#include "model/PriceTable.h"
#include "model/Project.h"
#include "pipeline/RenderPipeline.h"
#include "pipeline/RenderSummary.h"
#include "util/Job.h"

#include <QPointer>

#include <memory>
#include <optional>

namespace diy {

class ImageGenerator;
class TensorZeroClient;

/// Where a production run stopped.
struct ProductionSummary {
    enum class Stop {
        Finished,       ///< the video is rendered
        ScriptReview,   ///< the script was written: the creator reviews it before anything else is paid
        PicturesReview, ///< the pictures were drawn: the creator reviews them before the render
    };
    Stop stop = Stop::Finished;
    std::optional<RenderSummary> render;
    double costUsd = 0.0; ///< paid in this run (ledger entries it added)
    int paidCalls = 0;
};

/// From a brief to a finished video: script → review gate → picture prompts → AI pictures and the
/// render, each step only when its result is missing, so a re-run after a kill repeats no finished
/// paid call. The script and the prompts are saved in project.json as soon as they arrive; every
/// picture is kept under its receipt the moment it arrives and recorded in the project as it
/// lands; every paid call goes to the project's ledger exactly once (ledger.json).
///
/// Pictures run inside the RenderPipeline as a stage of their own, so each scene's frame and
/// segment start as soon as its picture and narration exist, not after all pictures.
///
/// A Job: start() once, cancel() any time (finished work is kept), one finished(Status),
/// result() is the summary; project() is the project as it is now.
class ProductionJob : public ValueJob<ProductionSummary> {
    Q_OBJECT
public:
    struct Options {
        TensorZeroClient *client = nullptr;     ///< needed when the script or the prompts are missing
        std::shared_ptr<ImageGenerator> images; ///< draws the Generated scenes (the project's imageProvider)
        bool reviewScript = false;              ///< stop after writing a script
        bool reviewPictures = false;            ///< stop after drawing pictures (before the render)
        bool save = true;                       ///< write project.json after every step (atomically)
        QString pinnedScriptVariant;            ///< Settings: pin script_generator's variant
        RenderPipeline::Options render;
        PriceTable prices = PriceTable::bundled();
    };

    ProductionJob(Project project, QString projectDir, Options options, QObject *parent = nullptr);
    ~ProductionJob() override;

    const Project &project() const { return m_project; }
    /// The pipeline while pictures or the render run (for stage progress), else nullptr.
    RenderPipeline *pipeline() const { return m_pipeline; }

    /// Marks every scene that shows its card (and is not locked) as a picture the project's image
    /// provider draws. No-op for imageProvider "cards".
    static void markScenesForPictures(Project &project);
    /// Scenes whose picture the current plan would draw (what the estimate prices).
    static int picturesToDraw(const Project &project, const QString &projectDir, const std::shared_ptr<ImageGenerator> &images);

signals:
    /// "script", "prompts", "pictures", "render": a step begins.
    void stepStarted(const QString &step);
    /// The project changed (script, prompts, a picture landed, the run recorded).
    void projectChanged(const diy::Project &project);
    /// A RenderPipeline starts (pictures and/or render); it lives until this job's next step.
    void pipelineStarted(diy::RenderPipeline *pipeline);

private:
    void run() override;
    void abort() override;
    void next();
    void writeScript();
    void writePrompts();
    void runPipeline(bool picturesOnly);
    void onPipelineFinished(bool picturesOnly);
    void applyPicture(const RenderPipeline &pipeline, int scene);
    void record(const QList<InferenceRecord> &spent, const QString &stage, const QString &what);
    bool saveNow(const QString &what);
    bool needsPrompts() const;

    Project m_project;
    QString m_projectDir;
    Options m_options;
    ProductionSummary m_summary;
    QPointer<Job> m_step;
    QPointer<RenderPipeline> m_pipeline;
    bool m_wroteScript = false;
    bool m_drewPictures = false;
};

} // namespace diy
