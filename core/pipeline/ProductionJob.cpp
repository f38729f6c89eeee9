#include "pipeline/ProductionJob.h"

#include "ai/PromptEnhancer.h"
#include "ai/ScriptWriter.h"
#include "model/Ledger.h"
#include "pipeline/PicturesStage.h"
#include "pipeline/RenderPlan.h"
#include "pipeline/StageRegistry.h"
#include "providers/ImageGenerator.h"
#include "providers/PictureReceipt.h"
#include "store/ProjectStore.h"
#include "store/RunHistory.h"
#include "tensorzero/Episode.h"
#include "util/Log.h"

#include <QDir>

namespace diy {

namespace {

Error needsGateway(const QString &what)
{
    return Error::invalidInput(
        QStringLiteral("%1 needs the TensorZero gateway, and none is connected. Start it with our config "
                       "(docker run … -v ./config:/app/config tensorzero/gateway --config-file /app/config/tensorzero.toml) "
                       "and set DIY_TENSORZERO_URL if it is not at http://localhost:3000 — or write the script yourself "
                       "in the studio and use cards for the pictures.")
            .arg(what));
}

} // namespace

ProductionJob::ProductionJob(Project project, QString projectDir, Options options, QObject *parent)
    : ValueJob<ProductionSummary>(parent), m_project(std::move(project)), m_projectDir(std::move(projectDir)),
      m_options(std::move(options))
{
    m_project.syncSceneImages();
}

ProductionJob::~ProductionJob() = default;

void ProductionJob::markScenesForPictures(Project &project)
{
    if (project.imageProvider == QStringLiteral("cards"))
        return;
    project.syncSceneImages();
    for (SceneImage &image : project.sceneImages) {
        if (image.source == SceneImage::Source::Card && !image.locked) {
            image = SceneImage{};
            image.source = SceneImage::Source::Generated;
        }
    }
}

int ProductionJob::picturesToDraw(const Project &project, const QString &projectDir, const std::shared_ptr<ImageGenerator> &images)
{
    if (!project.script || !images)
        return 0;
    ProviderSet providers = ProviderSet::offline();
    providers.images = images;
    const StageRegistry registry = StageRegistry::standard(providers);
    const RenderPlan plan = RenderPlan::make(project, projectDir, {}, &registry);
    return plan.pendingItems(RenderStage::Pictures);
}

void ProductionJob::run()
{
    next();
}

void ProductionJob::abort()
{
    if (m_step)
        m_step->cancel(); // its finished() ends this job with Cancelled
    else
        finish(Error::cancelled());
}

bool ProductionJob::needsPrompts() const
{
    if (m_project.imageProvider == QStringLiteral("cards") || m_project.promptsOrigin)
        return false;
    return std::any_of(m_project.sceneImages.begin(), m_project.sceneImages.end(),
                       [](const SceneImage &image) { return image.isPendingGeneration() && image.prompt.isEmpty(); });
}

void ProductionJob::next()
{
    if (isFinished())
        return;
    if (!m_project.script) {
        writeScript();
        return;
    }
    if (m_wroteScript && m_options.reviewScript) {
        m_summary.stop = ProductionSummary::Stop::ScriptReview;
        succeed(m_summary);
        return;
    }
    if (needsPrompts()) {
        writePrompts();
        return;
    }
    if (m_options.reviewPictures && !m_drewPictures && m_options.images
        && picturesToDraw(m_project, m_projectDir, m_options.images) > 0) {
        runPipeline(true);
        return;
    }
    if (m_drewPictures && m_options.reviewPictures) {
        m_summary.stop = ProductionSummary::Stop::PicturesReview;
        succeed(m_summary);
        return;
    }
    runPipeline(false);
}

void ProductionJob::writeScript()
{
    if (!m_options.client) {
        finish(needsGateway(QStringLiteral("Writing the script")));
        return;
    }
    emit stepStarted(QStringLiteral("script"));
    reportProgress(0.0, QStringLiteral("Writing the script"));
    ScriptWriter::Options options;
    options.pinnedVariant = m_options.pinnedScriptVariant;
    options.prices = m_options.prices;
    auto *writer = new ScriptWriter(m_options.client, m_project.brief, Episode(m_project.id, m_project.episodeId), options, this);
    m_step = writer;
    connect(writer, &Job::finished, this, [this, writer](const Status &status) {
        writer->deleteLater();
        record(writer->spent(), QStringLiteral("script"), QStringLiteral("Script"));
        if (!status) {
            finish(status.error());
            return;
        }
        const ScriptDraft draft = writer->result().value();
        m_project.script = draft.script;
        m_project.scriptOrigin = draft.origin;
        m_project.episodeId = draft.episodeId;
        m_project.inferences.append(draft.origin);
        m_project.sceneImages.clear();
        m_project.syncSceneImages();
        markScenesForPictures(m_project);
        m_wroteScript = true;
        if (!saveNow(QStringLiteral("the script")))
            return;
        next();
    });
    writer->start();
}

void ProductionJob::writePrompts()
{
    if (!m_options.client) {
        finish(needsGateway(QStringLiteral("Writing the picture prompts")));
        return;
    }
    emit stepStarted(QStringLiteral("prompts"));
    reportProgress(0.1, QStringLiteral("Writing the picture prompts"));
    const QList<Scene> scenes = m_project.scenes();
    auto *enhancer = new PromptEnhancer(m_options.client, m_project.brief, scenes, m_project.imageStyle,
                                        Episode(m_project.id, m_project.episodeId), m_options.prices, this);
    m_step = enhancer;
    connect(enhancer, &Job::finished, this, [this, enhancer, scenes](const Status &status) {
        enhancer->deleteLater();
        if (!status) {
            finish(status.error());
            return;
        }
        const ScenePrompts prompts = enhancer->result().value();
        record({prompts.record}, QStringLiteral("prompts"), QStringLiteral("Picture prompts"));
        for (int i = 0; i < int(scenes.size()) && i < int(m_project.sceneImages.size()); ++i) {
            SceneImage &image = m_project.sceneImages[i];
            if (image.prompt.isEmpty())
                image.prompt = prompts.promptFor(scenes.at(i).key);
        }
        if (!prompts.style.isEmpty())
            m_project.imageStyle = prompts.style;
        m_project.promptsOrigin = prompts.record;
        m_project.inferences.append(prompts.record);
        if (!saveNow(QStringLiteral("the picture prompts")))
            return;
        next();
    });
    enhancer->start();
}

void ProductionJob::runPipeline(bool picturesOnly)
{
    emit stepStarted(picturesOnly ? QStringLiteral("pictures") : QStringLiteral("render"));
    ProviderSet providers = ProviderSet::offline();
    providers.images = m_options.images;
    RenderPipeline::Options options = m_options.render;
    if (picturesOnly)
        options.onlyStages = {RenderStage::Pictures};
    auto *pipeline = new RenderPipeline(m_project, m_projectDir, options, providers, this);
    m_pipeline = pipeline;
    m_step = pipeline;
    connect(pipeline, &RenderPipeline::itemFinished, this, [this, pipeline](const RenderStage &stage, int scene, bool reused) {
        if (stage == RenderStage::Pictures && !reused)
            applyPicture(*pipeline, scene);
    });
    connect(pipeline, &Job::progressChanged, this, [this](const JobProgress &p) {
        // The pipeline is most of the work: script and prompts take the first fifth.
        reportProgress(0.2 + 0.8 * p.fraction, p.message, p.etaMs);
    });
    connect(pipeline, &Job::finished, this, [this, picturesOnly](const Status &) { onPipelineFinished(picturesOnly); });
    emit pipelineStarted(pipeline);
    pipeline->start();
}

void ProductionJob::onPipelineFinished(bool picturesOnly)
{
    RenderPipeline *pipeline = m_pipeline;
    m_pipeline = nullptr;
    m_step = nullptr;
    pipeline->deleteLater();
    // Every picture that arrived (also while the run failed or was cancelled) lands now.
    for (const PlanItem &item : pipeline->plan().items)
        if (item.stage == RenderStage::Pictures)
            applyPicture(*pipeline, item.scene);
    const Result<RenderSummary> result = pipeline->result();
    if (!picturesOnly || !result) {
        const RunRecord run = pipeline->runRecord();
        RunHistory::record(m_project, run, result ? std::optional(result->render) : std::nullopt);
    }
    const bool saved = saveNow(QStringLiteral("the run"));
    if (!result) {
        finish(result.error());
        return;
    }
    if (!saved)
        return;
    if (picturesOnly) {
        m_drewPictures = true;
        next();
        return;
    }
    m_summary.render = *result;
    m_summary.stop = ProductionSummary::Stop::Finished;
    succeed(m_summary);
}

void ProductionJob::applyPicture(const RenderPipeline &pipeline, int scene)
{
    const PlanItem *item = pipeline.plan().item(RenderStage::Pictures, scene);
    if (!item || scene < 0 || scene >= int(m_project.sceneImages.size()))
        return;
    const QString dir = PicturesStage::pictureDir(m_projectDir);
    const std::optional<GeneratedImage> drawn = PictureReceipt::find(dir, item->key);
    if (!drawn)
        return;
    SceneImage &image = m_project.sceneImages[scene];
    if (image.generationKey != item->key || image.file.isEmpty()) {
        image.source = SceneImage::Source::Generated;
        image.file = QDir(m_projectDir).relativeFilePath(drawn->path);
        image.sha256 = drawn->sha256;
        image.generationKey = item->key;
        image.provider = drawn->provider;
        image.model = drawn->model;
        image.originalName.clear();
        emit projectChanged(m_project);
    }
    // The ledger has each paid picture once, whichever run received it.
    auto ledger = Ledger::load(m_projectDir);
    if (!ledger)
        return;
    const bool known =
        std::any_of(ledger->entries.begin(), ledger->entries.end(), [&](const LedgerEntry &e) { return e.callId == item->key; });
    if (known)
        return;
    LedgerEntry entry;
    entry.at = QDateTime::currentDateTimeUtc();
    entry.what = QStringLiteral("Picture %1").arg(item->label);
    entry.stage = QStringLiteral("pictures");
    entry.provider = drawn->provider;
    entry.model = drawn->model;
    entry.callId = item->key;
    entry.pictures = 1;
    entry.costUsd = drawn->costUsd;
    entry.costSource = drawn->costUsd > 0 ? QStringLiteral("price_table") : QStringLiteral("unknown");
    entry.seconds = double(drawn->milliseconds) / 1000.0;
    if (const Status added = Ledger::append(m_projectDir, entry); !added) {
        logWarning(QStringLiteral("The ledger could not record %1: %2").arg(entry.what, added.error().message));
        return;
    }
    m_summary.costUsd += entry.costUsd;
    ++m_summary.paidCalls;
}

void ProductionJob::record(const QList<InferenceRecord> &spent, const QString &stage, const QString &what)
{
    for (InferenceRecord r : spent) {
        if (r.stage.isEmpty())
            r.stage = stage;
        const LedgerEntry entry = LedgerEntry::fromInference(r, what);
        if (const Status added = Ledger::append(m_projectDir, entry); !added) {
            logWarning(QStringLiteral("The ledger could not record %1: %2").arg(what, added.error().message));
            continue;
        }
        m_summary.costUsd += entry.costUsd;
        ++m_summary.paidCalls;
    }
}

bool ProductionJob::saveNow(const QString &what)
{
    emit projectChanged(m_project);
    if (!m_options.save)
        return true;
    m_project.modifiedAt = QDateTime::currentDateTimeUtc();
    if (const Status saved = ProjectStore::save(m_project, m_projectDir); !saved) {
        Error error = saved.error();
        error.message = QStringLiteral("Could not save %1 in the project: %2").arg(what, error.message);
        finish(error);
        return false;
    }
    return true;
}

} // namespace diy
