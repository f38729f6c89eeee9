#include "model/InferenceRecord.h"

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
        r.inputTokens = j.value("input_tokens", qint64(0));
        r.outputTokens = j.value("output_tokens", qint64(0));
        if (j.contains("cost_usd") && j["cost_usd"].is_number())
            r.costUsd = j["cost_usd"].get<double>();
        r.costSource = QString::fromStdString(j.value("cost_source", std::string()));
        r.model = QString::fromStdString(j.value("model", std::string()));
        r.outputValid = j.value("output_valid", true);
        r.dryrun = j.value("dryrun", false);
        r.durationMs = j.value("duration_ms", qint64(0));
        r.finishedAt = QDateTime::fromString(QString::fromStdString(j.value("finished_at", std::string())), Qt::ISODateWithMs);
        return r;
    } catch (const nlohmann::json::exception &) {
        return std::nullopt;
    }
}

} // namespace diy
