#include "production/ProductionController.h"

#include "common/ProjectDocument.h"
#include "pipeline/PicturesStage.h"
#include "pipeline/ProductionEstimate.h"
#include "providers/ApiKeyStore.h"
#include "providers/ImageGenerator.h"
#include "providers/ImageGenerators.h"
#include "providers/PictureReceipt.h"
#include "tensorzero/TensorZeroClient.h"
#include "util/Log.h"

#include <QFile>

namespace diy::ui {

namespace {

bool usesAi(const Project &p)
{
    return p.imageProvider != QStringLiteral("cards");
}

int countPending(const Project &p)
{
    return int(
        std::count_if(p.sceneImages.begin(), p.sceneImages.end(), [](const SceneImage &i) { return i.isPendingGeneration(); }));
}

int countDrawn(const Project &p)
{
    return int(std::count_if(p.sceneImages.begin(), p.sceneImages.end(),
                             [](const SceneImage &i) { return i.source == SceneImage::Source::Generated && !i.file.isEmpty(); }));
}

bool unreachable(const Error &e)
{
    return e.kind == Error::Kind::Network || e.kind == Error::Kind::Timeout;
}

} // namespace

ProductionController::ProductionController(ProjectDocument *document, QObject *parent) : QObject(parent), m_document(document)
{
    connect(m_document, &ProjectDocument::opened, this, [this] {
        m_failedStep.reset();
        m_lastError.reset();
        m_failedScenes.clear();
        emit stateChanged();
    });
}

ProductionController::~ProductionController()
{
    if (m_job)
        m_job->cancel();
}

void ProductionController::setServices(TensorZeroClient *client, ApiKeyStore *keys)
{
    m_client = client;
    m_keys = keys;
}

QString ProductionController::gatewayHelp()
{
    return tr("Writing with AI needs the TensorZero gateway. Start it with our config: docker run --rm -p 3000:3000 "
              "-v \"$PWD/config:/app/config\" tensorzero/gateway --config-file /app/config/tensorzero.toml — then set its "
              "address in Settings → AI service (or DIY_TENSORZERO_URL) if it is not http://localhost:3000. "
              "Meanwhile you can write the script yourself and use cards for the pictures.");
}

std::shared_ptr<ImageGenerator> ProductionController::imagesFor(const Project &project) const
{
    if (!usesAi(project) || !m_client)
        return nullptr;
    return ImageGenerators::make(project.imageProvider, m_client->network(), m_keys);
}

void ProductionController::prepare(Goal goal)
{
    if (isRunning() || m_preparing || !m_document->isOpen())
        return;
    if (!m_client) {
        emit blocked(goal, Error::invalidInput(gatewayHelp()));
        return;
    }
    const Project &project = m_document->project();
    if (goal == Goal::WriteScript && project.script) {
        emit blocked(goal, Error::invalidInput(tr("The project already has a script. Edit it on the Script page.")));
        return;
    }
    const std::shared_ptr<ImageGenerator> images = imagesFor(project);
    if (usesAi(project) && !images) {
        emit blocked(goal,
                     Error::invalidInput(tr("Unknown picture source '%1'. Choose one in the brief.").arg(project.imageProvider)));
        return;
    }
    if (!images || images->info().keyName.isEmpty() || !m_keys) {
        priceAndAsk(goal);
        return;
    }
    // The key is checked before anything is paid: a missing key is said now, not after the script.
    m_preparing = true;
    const QString provider = images->info().displayName;
    const QString keyName = images->info().keyName;
    auto *job = m_keys->read(keyName, this);
    connect(job, &Job::finished, this, [this, job, goal, provider, keyName](const Status &status) {
        job->deleteLater();
        m_preparing = false;
        if (!status) {
            Error e = status.error();
            e.message = tr("%1 pictures need a key: set %2 in the environment or add the key in Settings → %1. "
                           "Or choose cards for the pictures in the brief.")
                            .arg(provider, keyName);
            e.detail = status.error().message;
            emit blocked(goal, e);
            return;
        }
        priceAndAsk(goal);
    });
    job->start();
}

void ProductionController::priceAndAsk(Goal goal)
{
    const Project &project = m_document->project();
    emit estimateReady(goal, ProductionEstimate::make(project, m_document->folder(), imagesFor(project)));
}

void ProductionController::regenerateScene(int row)
{
    const Project &project = m_document->project();
    if (isRunning() || row < 0 || row >= int(project.sceneImages.size()))
        return;
    const SceneImage current = project.sceneImages.at(row);
    if (current.locked)
        return;
    // The same prompt would find the earlier picture's receipt: the creator asked for a new one.
    if (!current.generationKey.isEmpty())
        QFile::remove(PictureReceipt::pathFor(PicturesStage::pictureDir(m_document->folder()), current.generationKey));
    m_document->edit(tr("Draw the picture again"), ProjectDocument::ImagesAspect, [row](Project &p) {
        SceneImage &image = p.sceneImages[row];
        const QString prompt = image.prompt;
        image = SceneImage{};
        image.source = SceneImage::Source::Generated;
        image.prompt = prompt;
    });
    m_failedScenes.remove(row);
    prepare(Goal::DrawPictures);
}

void ProductionController::start(Goal goal)
{
    if (isRunning() || !m_document->isOpen())
        return;
    const Project project = m_document->project();
    ProductionJob::Options options;
    options.client = m_client;
    options.images = imagesFor(project);
    options.reviewScript = goal == Goal::WriteScript;
    options.reviewPictures = true;
    options.save = false; // results land through the document (and its atomic save)
    if (goal == Goal::DrawPictures && !project.script)
        return;
    if (goal == Goal::DrawPictures && countPending(project) == 0) {
        emit finished(ProductionSummary::Stop::PicturesReview); // nothing owed: never a render from here
        return;
    }
    m_failedStep.reset();
    m_lastError.reset();
    m_failedScenes.clear();
    m_inFlight.clear();
    m_progress = 0.0;
    m_etaMs = -1;
    m_progressText.clear();
    m_scriptLanded = false;
    m_clock.start();
    auto *job = new ProductionJob(project, m_document->folder(), options, this);
    m_job = job;
    connect(job, &ProductionJob::stepStarted, this, &ProductionController::onStepStarted);
    connect(job, &ProductionJob::projectChanged, this, &ProductionController::onProjectChanged);
    connect(job, &ProductionJob::pipelineStarted, this, &ProductionController::onPipelineStarted);
    connect(job, &Job::progressChanged, this, [this](const JobProgress &p) {
        m_progress = p.fraction;
        m_etaMs = p.etaMs;
        if (!p.message.isEmpty())
            m_progressText = p.message;
        emit progressChanged();
    });
    connect(job, &Job::finished, this, &ProductionController::onJobFinished);
    logInfo(QStringLiteral("AI production started (%1)")
                .arg(goal == Goal::WriteScript ? QStringLiteral("script") : QStringLiteral("pictures")));
    job->start();
    emit stateChanged();
}

void ProductionController::cancel()
{
    if (m_job)
        m_job->cancel();
}

qint64 ProductionController::elapsedMs() const
{
    return m_clock.isValid() && isRunning() ? m_clock.elapsed() : -1;
}

void ProductionController::setRunning(Step step)
{
    m_runningStep = step;
    emit stateChanged();
}

void ProductionController::onStepStarted(const QString &step)
{
    if (step == QStringLiteral("script"))
        setRunning(ScriptStep);
    else if (step == QStringLiteral("prompts"))
        setRunning(PromptsStep);
    else if (step == QStringLiteral("pictures"))
        setRunning(PicturesStep);
}

void ProductionController::onPipelineStarted(RenderPipeline *pipeline)
{
    connect(pipeline, &RenderPipeline::itemStarted, this, [this](const RenderStage &stage, int scene, const QString &) {
        if (stage == RenderStage::Pictures)
            m_inFlight.insert(scene);
    });
    connect(pipeline, &RenderPipeline::itemFinished, this, [this](const RenderStage &stage, int scene, bool) {
        if (stage == RenderStage::Pictures)
            m_inFlight.remove(scene);
    });
}

void ProductionController::onProjectChanged(const Project &made)
{
    bool scriptLanded = false;
    bool promptsLanded = false;
    m_document->update(ProjectDocument::ScriptAspect | ProjectDocument::ImagesAspect, [&](Project &doc) {
        if (!doc.script && made.script) {
            doc.script = made.script;
            doc.scriptOrigin = made.scriptOrigin;
            doc.episodeId = made.episodeId;
            doc.inferences = made.inferences;
            doc.sceneImages = made.sceneImages;
            scriptLanded = true;
        }
        if (!doc.promptsOrigin && made.promptsOrigin) {
            doc.promptsOrigin = made.promptsOrigin;
            doc.imageStyle = made.imageStyle;
            doc.inferences = made.inferences;
            promptsLanded = true;
        }
        if (doc.sceneImages.size() != made.sceneImages.size())
            return; // the creator changed the scenes meanwhile: the next run draws what is owed
        for (int i = 0; i < int(doc.sceneImages.size()); ++i) {
            SceneImage &mine = doc.sceneImages[i];
            const SceneImage &theirs = made.sceneImages.at(i);
            if (!mine.isPendingGeneration())
                continue;
            if (promptsLanded && mine.prompt.isEmpty())
                mine.prompt = theirs.prompt;
            if (theirs.source == SceneImage::Source::Generated && !theirs.file.isEmpty()) {
                const QString prompt = mine.prompt;
                mine = theirs;
                mine.prompt = prompt.isEmpty() ? theirs.prompt : prompt;
            }
        }
        if (made.runs.size() > doc.runs.size())
            doc.runs = made.runs;
    });
    if (scriptLanded || promptsLanded) {
        // Paid results are not undone by undoing an earlier edit (undo restores whole snapshots).
        m_document->undoStack()->clear();
        if (const Status saved = m_document->save(); !saved)
            logWarning(saved.error().toString());
    }
    if (scriptLanded)
        m_scriptLanded = true;
    emit stateChanged();
}

void ProductionController::onJobFinished()
{
    ProductionJob *job = m_job;
    m_job = nullptr;
    const std::optional<Step> step = m_runningStep;
    m_runningStep.reset();
    m_progress = -1;
    m_etaMs = -1;
    const Result<ProductionSummary> result = job->result();
    job->deleteLater();
    if (m_document->isOpen() && m_document->isModified())
        if (const Status saved = m_document->save(); !saved)
            logWarning(saved.error().toString());
    if (!result) {
        Error error = result.error();
        if (!error.isCancelled()) {
            const Step at = step.value_or(ScriptStep);
            if (unreachable(error) && at != PicturesStep) {
                error.detail = error.message + QLatin1Char('\n') + error.detail;
                error.message = gatewayHelp();
            }
            m_failedStep = at;
            m_lastError = error;
            if (at == PicturesStep)
                m_failedScenes = m_inFlight;
            logWarning(error.toString());
            emit stateChanged();
            emit failed(at, error);
            return;
        }
        emit stateChanged();
        emit failed(step.value_or(ScriptStep), error);
        return;
    }
    emit stateChanged();
    emit finished(result->stop);
}

StageState ProductionController::state(Step step) const
{
    if (m_runningStep == step)
        return StageState::Running;
    if (m_failedStep == step)
        return StageState::Failed;
    const Project &p = m_document->project();
    if (!m_document->isOpen() || !p.script)
        return StageState::Waiting;
    const bool ai = usesAi(p);
    const int pending = countPending(p);
    const int drawn = countDrawn(p);
    switch (step) {
    case ScriptStep:
        return ai && p.scriptOrigin && pending > 0 && !p.promptsOrigin && drawn == 0 ? StageState::NeedsReview : StageState::Done;
    case PromptsStep: return !ai ? StageState::Waiting : p.promptsOrigin ? StageState::Done : StageState::Waiting;
    case PicturesStep:
        if (!ai || (pending == 0 && p.lastRender))
            return StageState::Done;
        if (pending > 0)
            return StageState::Waiting;
        return drawn > 0 ? StageState::NeedsReview : StageState::Done;
    case StepCount: break;
    }
    return StageState::Waiting;
}

QString ProductionController::detail(Step step) const
{
    const StageState s = state(step);
    if (s == StageState::Running)
        return m_progressText;
    if (s == StageState::Failed && m_lastError)
        return m_lastError->message;
    const Project &p = m_document->project();
    const bool ai = usesAi(p);
    switch (step) {
    case ScriptStep: return s == StageState::NeedsReview ? tr("Written by AI · review it, then approve") : QString();
    case PromptsStep:
        if (!ai)
            return tr("Cards need no prompts");
        if (p.promptsOrigin)
            return tr("One prompt per scene · one shared style");
        return p.script ? tr("Written when you approve the script") : tr("After the script");
    case PicturesStep:
        if (s == StageState::NeedsReview)
            return tr("%1 drawn · review them, then render").arg(countDrawn(p));
        if (ai && countPending(p) > 0)
            return tr("%1 to draw").arg(countPending(p));
        return {};
    case StepCount: break;
    }
    return {};
}

} // namespace diy::ui
