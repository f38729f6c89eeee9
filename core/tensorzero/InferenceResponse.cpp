#include "tensorzero/InferenceResponse.h"

#include "util/JsonParser.h"

namespace diy {

namespace {

constexpr std::size_t kMaxIdBytes = 200;
constexpr qint64 kMaxTokens = 1'000'000'000'000LL;

/// The string at key when present, a string and short enough; empty otherwise.
QString shortString(const nlohmann::json &j, const char *key, std::size_t maxBytes = kMaxIdBytes)
{
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string())
        return {};
    const std::string &s = it->get_ref<const std::string &>();
    if (s.size() > maxBytes)
        return {};
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

Result<InferenceResponse> InferenceResponse::parse(const QByteArray &body)
{
    Result<nlohmann::json> json = JsonParser::parse(body, QStringLiteral("The gateway's answer"), {qint64(body.size()), 64});
    if (!json)
        return json.error();
    return fromJson(*json);
}

Result<InferenceResponse> InferenceResponse::fromJson(const nlohmann::json &j)
{
    auto malformed = [](const QString &why) {
        Error e = Error::invalidInput(QStringLiteral("The TensorZero gateway sent an answer the studio cannot read."), why);
        e.kind = Error::Kind::Server;
        return e;
    };
    if (!j.is_object())
        return malformed(QStringLiteral("body is not a JSON object"));
    InferenceResponse out;
    out.inferenceId = shortString(j, "inference_id");
    out.episodeId = shortString(j, "episode_id");
    out.variantName = shortString(j, "variant_name");
    out.finishReason = shortString(j, "finish_reason");
    const auto output = j.find("output");
    if (out.inferenceId.isEmpty() || out.episodeId.isEmpty() || out.variantName.isEmpty() || output == j.end()
        || !output->is_object() || !output->contains("parsed"))
        return malformed(QStringLiteral("missing inference_id, episode_id, variant_name or output.parsed"));
    const auto raw = output->find("raw");
    if (raw != output->end() && raw->is_string())
        out.raw = QString::fromStdString(raw->get<std::string>());
    const auto usage = j.find("usage");
    if (usage != j.end() && usage->is_object()) {
        if (const auto it = usage->find("input_tokens"); it != usage->end())
            out.inputTokens = JsonParser::wholeNumber(*it, 0, kMaxTokens).value_or(0);
        if (const auto it = usage->find("output_tokens"); it != usage->end())
            out.outputTokens = JsonParser::wholeNumber(*it, 0, kMaxTokens).value_or(0);
        if (const auto it = usage->find("cost"); it != usage->end() && it->is_number()) {
            const double cost = it->get<double>();
            if (cost >= 0.0 && cost < 1e9)
                out.costUsd = cost;
        }
    }
    out.parsed = output->at("parsed");
    return out;
}

} // namespace diy
