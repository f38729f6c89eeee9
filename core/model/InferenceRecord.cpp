#include "model/InferenceRecord.h"

#include "util/JsonParser.h"

#include <limits>

namespace diy {

nlohmann::json InferenceRecord::toJson() const
{
    nlohmann::json j = {{"function_name", functionName.toStdString()},
                        {"inference_id", inferenceId.toStdString()},
                        {"episode_id", episodeId.toStdString()},
                        {"variant_name", variantName.toStdString()},
                        {"stage", stage.toStdString()},
                        {"input_tokens", inputTokens},
                        {"output_tokens", outputTokens},
                        {"output_valid", outputValid},
                        {"dryrun", dryrun},
                        {"duration_ms", durationMs},
                        {"finished_at", finishedAt.toUTC().toString(Qt::ISODateWithMs).toStdString()}};
    j["cost_usd"] = costUsd ? nlohmann::json(*costUsd) : nlohmann::json(nullptr);
    // Added after project format 1 shipped: optional on read, so older files stay readable.
    if (!costSource.isEmpty())
        j["cost_source"] = costSource.toStdString();
    if (!model.isEmpty())
        j["model"] = model.toStdString();
    return j;
}

std::optional<InferenceRecord> InferenceRecord::fromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        return std::nullopt;
    try {
        InferenceRecord r;
        r.functionName = QString::fromStdString(j.at("function_name").get<std::string>());
        r.inferenceId = QString::fromStdString(j.at("inference_id").get<std::string>());
        r.episodeId = QString::fromStdString(j.at("episode_id").get<std::string>());
        r.variantName = QString::fromStdString(j.at("variant_name").get<std::string>());
        r.stage = QString::fromStdString(j.value("stage", std::string()));
        // Numbers through wholeNumber: a float such as 1e300 converted to an integer is undefined.
        bool numbersOk = true;
        auto whole = [&](const char *key) -> qint64 {
            if (!j.contains(key))
                return 0;
            const auto n = JsonParser::wholeNumber(j.at(key), 0, std::numeric_limits<qint64>::max());
            numbersOk = numbersOk && n.has_value();
            return n.value_or(0);
        };
        r.inputTokens = whole("input_tokens");
        r.outputTokens = whole("output_tokens");
        if (j.contains("cost_usd") && j["cost_usd"].is_number())
            r.costUsd = j["cost_usd"].get<double>();
        r.costSource = QString::fromStdString(j.value("cost_source", std::string()));
        r.model = QString::fromStdString(j.value("model", std::string()));
        r.outputValid = j.value("output_valid", true);
        r.dryrun = j.value("dryrun", false);
        r.durationMs = whole("duration_ms");
        if (!numbersOk)
            return std::nullopt;
        r.finishedAt = QDateTime::fromString(QString::fromStdString(j.value("finished_at", std::string())), Qt::ISODateWithMs);
        return r;
    } catch (const nlohmann::json::exception &) {
        return std::nullopt;
    }
}

} // namespace diy
