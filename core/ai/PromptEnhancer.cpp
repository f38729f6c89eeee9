#include "ai/PromptEnhancer.h"

#include "ai/AiFunctions.h"
#include "ai/InferencePricing.h"
#include "model/JsonReader.h"
#include "tensorzero/InferenceJob.h"
#include "tensorzero/TensorZeroClient.h"

namespace diy {

using nlohmann::json;

namespace {
// The limits of templates/prompt_enhancer/user_schema.json.
constexpr int kMaxScenes = 20;
constexpr int kMaxTitle = 200;
constexpr int kMaxNarration = 2000;
constexpr int kMaxImagePrompt = 1000;
constexpr int kMaxStyle = 500;
} // namespace

QString ScenePrompts::promptFor(const QString &sceneKey) const
{
    for (const Entry &e : scenes)
        if (e.sceneKey == sceneKey)
            return e.prompt;
    return {};
}

PromptEnhancer::PromptEnhancer(TensorZeroClient *client, Brief brief, QList<Scene> scenes, QString style, Episode episode,
                               PriceTable prices, QObject *parent)
    : ValueJob<ScenePrompts>(parent), m_client(client), m_brief(std::move(brief)), m_scenes(std::move(scenes)),
      m_style(std::move(style)), m_episode(std::move(episode)), m_prices(std::move(prices))
{
}

PromptEnhancer::~PromptEnhancer()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
}

json PromptEnhancer::userArguments(const Brief &brief, const QList<Scene> &scenes, const QString &style)
{
    json list = json::array();
    for (const Scene &scene : scenes)
        list.push_back(json{{"scene_id", toStd(scene.key)},
                            {"kind", toStd(Scene::kindId(scene.kind))},
                            {"title", toStd(scene.title.left(kMaxTitle))},
                            {"narration", toStd(scene.narration.left(kMaxNarration))},
                            {"image_prompt", toStd(scene.imagePrompt.left(kMaxImagePrompt))}});
    return json{{"description", toStd(brief.description.trimmed())},
                {"content_mode", toStd(Brief::contentModeId(brief.contentMode))},
                {"video_format", toStd(brief.format.id())},
                {"style", toStd(style.trimmed().left(kMaxStyle))},
                {"scenes", list}};
}

Result<ScenePrompts> PromptEnhancer::fromOutput(const json &parsed, const QList<Scene> &scenes)
{
    auto refuse = [](const QString &why) {
        Error e = Error::invalidInput(
            QStringLiteral("The AI's picture prompts do not match the scenes (%1). Try again, or write the prompts yourself.")
                .arg(why));
        e.retryable = true;
        return e;
    };
    if (!parsed.is_object() || !parsed.contains("style_description") || !parsed["style_description"].is_string()
        || !parsed.contains("scenes") || !parsed["scenes"].is_array())
        return refuse(QStringLiteral("no style or no scene list"));
    const json &list = parsed["scenes"];
    if (list.size() != std::size_t(scenes.size()))
        return refuse(QStringLiteral("%1 prompts for %2 scenes").arg(list.size()).arg(scenes.size()));
    ScenePrompts out;
    out.style = toQString(parsed["style_description"].get<std::string>()).trimmed();
    for (qsizetype i = 0; i < scenes.size(); ++i) {
        const json &e = list[std::size_t(i)];
        const QString id = e.is_object() && e.contains("scene_id") && e["scene_id"].is_string()
                               ? toQString(e["scene_id"].get<std::string>())
                               : QString();
        const QString prompt = e.is_object() && e.contains("enhanced_prompt") && e["enhanced_prompt"].is_string()
                                   ? toQString(e["enhanced_prompt"].get<std::string>()).trimmed()
                                   : QString();
        if (id != scenes[i].key)
            return refuse(QStringLiteral("scene %1 should be \"%2\", the answer has \"%3\"").arg(i + 1).arg(scenes[i].key, id));
        if (prompt.isEmpty())
            return refuse(QStringLiteral("no prompt for \"%1\"").arg(id));
        out.scenes.append({id, prompt});
    }
    if (out.style.isEmpty())
        return refuse(QStringLiteral("the shared style is empty"));
    return out;
}

void PromptEnhancer::run()
{
    if (!m_client) {
        finish(Error::invalidInput(QStringLiteral("No TensorZero gateway is set up: add its address in Settings or set "
                                                  "DIY_TENSORZERO_URL; or keep the script's own picture prompts.")));
        return;
    }
    if (m_scenes.isEmpty() || m_scenes.size() > kMaxScenes) {
        finish(Error::invalidInput(
            QStringLiteral("Picture prompts need 1–%1 scenes; this video has %2.").arg(kMaxScenes).arg(m_scenes.size())));
        return;
    }
    InferenceRequest request;
    request.functionName = AiFunctions::promptEnhancer();
    request.episode = m_episode;
    request.userArguments = userArguments(m_brief, m_scenes, m_style);
    request.stage = QStringLiteral("prompts");
    reportProgress(0.05, QStringLiteral("Writing picture prompts"));
    m_clock.start();
    m_job = m_client->infer(request, this);
    connect(m_job, &Job::finished, this, [this, job = m_job.data()](const Status &) {
        job->deleteLater(); // created here: deleted here
        onAnswer(job->result());
    });
    m_job->start();
}

void PromptEnhancer::onAnswer(const Result<InferenceResponse> &answer)
{
    m_job = nullptr;
    if (cancelRequested() || (!answer.ok() && answer.error().isCancelled())) {
        finish(Error::cancelled());
        return;
    }
    if (!answer.ok()) {
        finish(answer.error());
        return;
    }
    auto prompts = fromOutput(answer->parsed, m_scenes);
    if (!prompts) {
        finish(prompts.error());
        return;
    }
    prompts->record = InferencePricing::record(answer.value(), AiFunctions::promptEnhancer(), QStringLiteral("prompts"),
                                               m_clock.elapsed(), m_prices);
    succeed(std::move(prompts.value()));
}

void PromptEnhancer::abort()
{
    if (m_job) {
        m_job->cancel();
        return;
    }
    finish(Error::cancelled());
}

} // namespace diy
