#pragma once

#include "model/CostEstimate.h"
#include "pipeline/ProductionJob.h"
#include "progress/StageState.h"
#include "providers/ApiKeyStore.h"
#include "tensorzero/TensorZeroClient.h"
#include "util/Error.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <memory>
#include <optional>

namespace diy {
class ImageGenerator;
} // namespace diy

namespace diy::ui {

class ProjectDocument;

/// The studio's side of an AI production (ProductionJob): checks what a step needs (the gateway,
/// the picture provider's key) before anything is paid, prices it (ProductionEstimate) for the
/// creator to accept, runs it off the GUI thread (the job is asynchronous) with progress, ETA and
/// cancel, and lands every result in the open project through the document. Each AI step
/// (script, prompts, pictures) has a state the rail and the production bar show.
class ProductionController : public QObject {
    Q_OBJECT
public:
    enum Step { ScriptStep, PromptsStep, PicturesStep, StepCount };
    enum class Goal {
        WriteScript,  ///< the script from the brief, then stop for the creator's review
        DrawPictures, ///< the picture prompts (when missing) and every owed picture, then stop for review
    };

    ProductionController(ProjectDocument *document, QObject *parent = nullptr);
    ~ProductionController() override;

    void setServices(TensorZeroClient *client, ApiKeyStore *keys);
    bool hasServices() const { return m_client != nullptr; }

    /// Checks what `goal` needs and prices it: estimateReady() or blocked(), never both.
    void prepare(Goal goal);
    /// Runs `goal` (after the creator accepted the estimate).
    void start(Goal goal);
    void cancel();
    bool isRunning() const { return m_job != nullptr; }
    bool isPreparing() const { return m_preparing; }

    /// Marks scene `row`'s picture to be drawn again (undoable; the prompt is kept), then prepares
    /// DrawPictures for just that picture.
    void regenerateScene(int row);

    StageState state(Step step) const;
    QString detail(Step step) const;
    /// While running: 0..1, the ETA and elapsed time of the whole run.
    double progress() const { return m_progress; }
    qint64 etaMs() const { return m_etaMs; }
    qint64 elapsedMs() const;
    QString progressText() const { return m_progressText; }
    /// Scenes whose picture failed in the last run (a safety block names one).
    QSet<int> failedScenes() const { return m_failedScenes; }
    std::optional<Error> lastError() const { return m_lastError; }

    /// The message for a missing gateway: which variable, how to start it, the Settings page.
    static QString gatewayHelp();

signals:
    void estimateReady(diy::ui::ProductionController::Goal goal, const diy::CostEstimate &estimate);
    /// Nothing started: what is missing and what to do (no gateway, no key for the picture provider).
    void blocked(diy::ui::ProductionController::Goal goal, const diy::Error &error);
    void stateChanged();
    void progressChanged();
    /// A run ended with an error at `step` (nothing made is lost).
    void failed(diy::ui::ProductionController::Step step, const diy::Error &error);
    void finished(diy::ProductionSummary::Stop stop);

private:
    std::shared_ptr<ImageGenerator> imagesFor(const Project &project) const;
    void priceAndAsk(Goal goal);
    void onStepStarted(const QString &step);
    void onProjectChanged(const Project &project);
    void onPipelineStarted(RenderPipeline *pipeline);
    void onJobFinished();
    void setRunning(Step step);

    ProjectDocument *m_document;
    QPointer<TensorZeroClient> m_client;
    QPointer<ApiKeyStore> m_keys;
    QPointer<ProductionJob> m_job;
    std::optional<Step> m_runningStep;
    std::optional<Step> m_failedStep;
    std::optional<Error> m_lastError;
    QSet<int> m_inFlight;
    QSet<int> m_failedScenes;
    double m_progress = -1;
    qint64 m_etaMs = -1;
    QString m_progressText;
    QElapsedTimer m_clock;
    bool m_preparing = false;
    bool m_scriptLanded = false;
};

} // namespace diy::ui
