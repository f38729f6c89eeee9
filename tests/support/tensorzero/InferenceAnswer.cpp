#include "InferenceAnswer.h"

#include <QDir>
#include <QFile>

namespace diy::test {

namespace {

using json = nlohmann::json;

/// `expected_steps` steps, cycling through the fixture's and numbering them 1…N.
void shapeScript(json &script, const json &arguments)
{
    if (!arguments.contains("expected_steps") || !arguments["expected_steps"].is_number_integer() || !script.contains("steps")
        || !script["steps"].is_array() || script["steps"].empty())
        return;
    const int wanted = arguments["expected_steps"].get<int>();
    const json pattern = script["steps"];
    json steps = json::array();
    for (int i = 0; i < wanted; ++i) {
        json step = pattern[std::size_t(i) % pattern.size()];
        step["step_number"] = i + 1;
        if (std::size_t(i) >= pattern.size())
            step["title"] = step["title"].get<std::string>() + " again";
        steps.push_back(step);
    }
    script["steps"] = steps;
}

/// One prompt per scene asked for, in the same order: the fixture's when it has that scene id.
void shapePrompts(json &prompts, const json &arguments)
{
    if (!arguments.contains("scenes") || !arguments["scenes"].is_array() || !prompts.contains("scenes"))
        return;
    json scenes = json::array();
    for (const json &asked : arguments["scenes"]) {
        const std::string id = asked.value("scene_id", std::string());
        std::string prompt;
        for (const json &known : prompts["scenes"])
            if (known.value("scene_id", std::string()) == id)
                prompt = known.value("enhanced_prompt", std::string());
        if (prompt.empty())
            prompt = asked.value("image_prompt", std::string()) + ", " + prompts.value("style_description", std::string());
        scenes.push_back({{"scene_id", id}, {"enhanced_prompt", prompt}});
    }
    prompts["scenes"] = scenes;
}

/// The judge only names scenes it saw (one keyframe per scene).
void shapeEvaluation(json &evaluation, const json &arguments)
{
    if (!arguments.contains("keyframe_count") || !arguments["keyframe_count"].is_number_integer()
        || !evaluation.contains("scenes_to_redo") || !evaluation["scenes_to_redo"].is_array())
        return;
    const int seen = arguments["keyframe_count"].get<int>();
    json kept = json::array();
    for (const json &redo : evaluation["scenes_to_redo"])
        if (redo.value("scene_index", -1) < seen)
            kept.push_back(redo);
    evaluation["scenes_to_redo"] = kept;
}

} // namespace

json InferenceAnswer::userArguments(const json &request)
{
    const json messages = request.value("input", json::object()).value("messages", json::array());
    for (const json &message : messages) {
        if (message.value("role", std::string()) != "user" || !message.contains("content") || !message["content"].is_array())
            continue;
        for (const json &block : message["content"])
            if (block.is_object() && block.contains("arguments"))
                return block["arguments"];
    }
    return nullptr;
}

InferenceAnswer::Output InferenceAnswer::build(const json &request, const GatewayConfig &config, const QString &fixtureDir,
                                               const QString &function, const QString &variant)
{
    Output out;
    // A "<name>.verbatim.json" fixture is answered as it is: a model that ignores what was asked
    // (the wrong number of steps or scenes), for tests of the studio's own checks.
    QFile fixture;
    bool verbatim = false;
    for (const QString &name : QStringList{variant + QStringLiteral(".verbatim"), variant, QStringLiteral("output.verbatim"),
                                           QStringLiteral("output")}) {
        fixture.setFileName(QDir(fixtureDir).filePath(function + QLatin1Char('/') + name + QStringLiteral(".json")));
        if (fixture.exists()) {
            verbatim = name.endsWith(QStringLiteral(".verbatim"));
            break;
        }
    }
    if (!fixture.open(QIODevice::ReadOnly))
        return out;
    out.found = true;
    const QByteArray bytes = fixture.readAll();
    json parsed = json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    std::string raw = bytes.toStdString();
    if (!parsed.is_discarded() && !verbatim) {
        const json arguments = userArguments(request);
        if (arguments.is_object()) {
            if (function == QStringLiteral("script_generator"))
                shapeScript(parsed, arguments);
            else if (function == QStringLiteral("prompt_enhancer"))
                shapePrompts(parsed, arguments);
            else if (function == QStringLiteral("video_evaluator"))
                shapeEvaluation(parsed, arguments);
        }
        raw = parsed.dump(2);
    }
    const auto fn = config.functions.constFind(function);
    if (parsed.is_discarded()
        || (fn != config.functions.cend() && fn->outputSchema && !fn->outputSchema->validate(parsed).isEmpty()))
        parsed = nullptr; // like the gateway: invalid model output is 200 with parsed null
    out.raw = raw;
    out.parsed = parsed;
    const int inputTokens = 100 + int(request.dump().size() / 4);
    const int outputTokens = int(raw.size() / 4);
    out.usage = {{"input_tokens", inputTokens}, {"output_tokens", outputTokens}};
    // Without cost tables on every provider of the model the gateway reports no cost (null).
    QString model;
    if (fn != config.functions.cend())
        model = fn->variants.value(variant).model;
    out.usage["cost"] = config.modelsWithCost.contains(model) ? json(0.0001 * double(inputTokens + outputTokens)) : json(nullptr);
    return out;
}

} // namespace diy::test
