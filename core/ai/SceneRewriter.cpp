#include "ai/SceneRewriter.h"

#include "ai/AiFunctions.h"
#include "ai/InferencePricing.h"
#include "model/JsonReader.h"
#include "tensorzero/InferenceJob.h"
#include "tensorzero/TensorZeroClient.h"

#include <QRegularExpression>

namespace diy {

using nlohmann::json;

namespace {

struct Target {
    QString kind;  ///< intro | step | completion
    int step = -1; ///< index into script.steps
};

Result<Target> target(const Script &script, const QString &key)
{
    if (key == QStringLiteral("intro"))
        return Target{QStringLiteral("intro")};
    if (key == QStringLiteral("completion"))
        return Target{QStringLiteral("completion")};
    if (key == QStringLiteral("materials"))
        return Error::invalidInput(QStringLiteral("The materials scene is a checklist made from the materials list: edit "
                                                  "the list on the Script page instead."));
    static const QRegularExpression stepKey(QStringLiteral("^step-([1-9][0-9]?)$"));
    const auto m = stepKey.match(key);
    if (m.hasMatch()) {
        const int number = m.captured(1).toInt();
        for (int i = 0; i < script.steps.size(); ++i)
            if (script.steps[i].stepNumber == number)
                return Target{QStringLiteral("step"), i};
    }
    return Error::invalidInput(QStringLiteral("There is no scene \"%1\" in this script.").arg(key));
}

} // namespace

SceneRewriter::SceneRewriter(TensorZeroClient *client, SceneRewriteRequest request, Episode episode, PriceTable prices,
                             QObject *parent)
    : ValueJob<SceneRewrite>(parent), m_client(client), m_request(std::move(request)), m_episode(std::move(episode)),
      m_prices(std::move(prices))
{
}

SceneRewriter::~SceneRewriter()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
}

Result<json> SceneRewriter::userArguments(const SceneRewriteRequest &request)
{
    const auto where = target(request.script, request.sceneKey);
    if (!where)
        return where.error();
    const QString instruction = request.instruction.trimmed();
    if (instruction.size() < 2 || instruction.size() > 500)
        return Error::invalidInput(
            QStringLiteral("Say how to change the scene (2–500 characters), e.g. \"simpler words\" or \"shorter\"."));
    QString title, narration, imagePrompt;
    const Script &s = request.script;
    if (where->kind == QStringLiteral("intro")) {
        title = s.title;
        narration = s.intro.narration;
        imagePrompt = s.intro.imagePrompt;
    } else if (where->kind == QStringLiteral("completion")) {
        title = s.title;
        narration = s.completion.narration;
        imagePrompt = s.completion.imagePrompt;
    } else {
        const Script::Step &step = s.steps[where->step];
        title = step.title;
        narration = step.narration;
        imagePrompt = step.imagePrompt;
    }
    return json{{"description", toStd(request.brief.description.trimmed())},
                {"content_mode", toStd(Brief::contentModeId(request.brief.contentMode))},
                {"language", toStd(request.brief.language.trimmed())},
                {"script", s.toJson()},
                {"scene_id", toStd(request.sceneKey)},
                {"scene_kind", toStd(where->kind)},
                {"current_title", toStd(title)},
                {"current_narration", toStd(narration)},
                {"current_image_prompt", toStd(imagePrompt)},
                {"instruction", toStd(instruction)}};
}

Result<Script> SceneRewriter::apply(const Script &script, const QString &sceneKey, const QString &title, const QString &narration,
                                    const QString &imagePrompt)
{
    const auto where = target(script, sceneKey);
    if (!where)
        return where.error();
    Script out = script;
    if (where->kind == QStringLiteral("intro")) {
        out.title = title;
        out.intro = {narration, imagePrompt};
    } else if (where->kind == QStringLiteral("completion")) {
        out.completion = {narration, imagePrompt}; // the completion card shows the video's title: unchanged
    } else {
        Script::Step &step = out.steps[where->step];
        step.title = title;
        step.narration = narration;
        step.imagePrompt = imagePrompt;
    }
    const FieldProblems problems = out.validate();
    if (!problems.isEmpty())
        return Error::invalidInput(
            QStringLiteral("The rewritten scene does not fit the script: %1 %2").arg(problems.first().path, problems.first().message),
            problemLines(problems).join(QLatin1Char('\n')));
    return out;
}

void SceneRewriter::run()
{
    if (!m_client) {
        finish(Error::invalidInput(QStringLiteral("No TensorZero gateway is set up: add its address in Settings or set "
                                                  "DIY_TENSORZERO_URL.")));
        return;
    }
    auto arguments = userArguments(m_request);
    if (!arguments) {
        finish(arguments.error());
        return;
    }
    InferenceRequest request;
    request.functionName = AiFunctions::sceneRewriter();
    request.episode = m_episode;
    request.userArguments = std::move(arguments.value());
    request.stage = QStringLiteral("rewrite");
    request.tags.insert(QStringLiteral("scene"), m_request.sceneKey);
    reportProgress(0.05, QStringLiteral("Rewriting %1").arg(m_request.sceneKey));
    m_clock.start();
    m_job = m_client->infer(request, this);
    connect(m_job, &Job::finished, this, [this, job = m_job.data()](const Status &) {
        job->deleteLater(); // created here: deleted here
        onAnswer(job->result());
    });
    m_job->start();
}

void SceneRewriter::onAnswer(const Result<InferenceResponse> &answer)
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
    const InferenceResponse &response = answer.value();
    SceneRewrite out;
    out.sceneKey = m_request.sceneKey;
    out.record =
        InferencePricing::record(response, AiFunctions::sceneRewriter(), QStringLiteral("rewrite"), m_clock.elapsed(), m_prices);
    const json &p = response.parsed;
    auto text = [&p](const char *key) {
        return p.is_object() && p.contains(key) && p[key].is_string() ? toQString(p[key].get<std::string>()) : QString();
    };
    out.title = text("title");
    out.narration = text("narration");
    out.imagePrompt = text("image_prompt");
    auto applied = apply(m_request.script, m_request.sceneKey, out.title, out.narration, out.imagePrompt);
    if (!applied) {
        Error e = applied.error();
        e.message = QStringLiteral("The AI's rewrite could not be used (%1). Try again or edit the scene yourself.").arg(e.message);
        e.retryable = true;
        finish(e);
        return;
    }
    out.script = std::move(applied.value());
    succeed(std::move(out));
}

void SceneRewriter::abort()
{
    if (m_job) {
        m_job->cancel();
        return;
    }
    finish(Error::cancelled());
}

} // namespace diy
