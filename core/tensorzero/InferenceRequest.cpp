#include "tensorzero/InferenceRequest.h"

namespace diy {

namespace {
std::string s(const QString &text)
{
    return text.toStdString();
}

const char *cacheName(InferenceRequest::Cache cache)
{
    switch (cache) {
    case InferenceRequest::Cache::Off: return "off";
    case InferenceRequest::Cache::On: return "on";
    case InferenceRequest::Cache::ReadOnly: return "read_only";
    case InferenceRequest::Cache::WriteOnly: return "write_only";
    }
    return "off";
}
} // namespace

nlohmann::json InferenceRequest::toJson() const
{
    nlohmann::json content = nlohmann::json::array();
    content.push_back({{"type", "text"}, {"arguments", userArguments}});
    for (const ImageInput &image : images) {
        content.push_back({{"type", "file"},
                           {"file_type", "base64"},
                           {"mime_type", image.mimeType.toStdString()},
                           {"data", image.data.toBase64().toStdString()}});
    }
    nlohmann::json input = {{"messages", nlohmann::json::array({{{"role", "user"}, {"content", content}}})}};
    if (systemArguments)
        input["system"] = *systemArguments;

    nlohmann::json body = {{"function_name", s(functionName)}, {"input", input}};
    if (episode.hasId())
        body["episode_id"] = s(episode.id());
    if (!variantName.isEmpty())
        body["variant_name"] = s(variantName);
    nlohmann::json tagObject = nlohmann::json::object();
    if (!episode.projectId().isEmpty())
        tagObject["project"] = s(episode.projectId());
    if (!stage.isEmpty())
        tagObject["stage"] = s(stage);
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        tagObject[s(it.key())] = s(it.value());
    if (!tagObject.empty())
        body["tags"] = tagObject;
    if (dryrun)
        body["dryrun"] = true;
    if (cache != Cache::Off) {
        nlohmann::json options = {{"enabled", cacheName(cache)}};
        if (cacheMaxAgeS)
            options["max_age_s"] = *cacheMaxAgeS;
        body["cache_options"] = options;
    }
    if (temperature || maxTokens) {
        nlohmann::json chat = nlohmann::json::object();
        if (temperature)
            chat["temperature"] = *temperature;
        if (maxTokens)
            chat["max_tokens"] = *maxTokens;
        body["params"] = {{"chat_completion", chat}};
    }
    return body;
}

} // namespace diy
