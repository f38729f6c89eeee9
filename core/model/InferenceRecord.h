#pragma once

#include <QDateTime>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace diy {

/// What one inference cost and which variant made it; kept in the project's run history so the
/// creator and the analytics view can compare variants. Recorded for every answered inference,
/// including attempts whose output was invalid (their tokens were spent too).
struct InferenceRecord {
    QString functionName;
    QString inferenceId;
    QString episodeId;
    QString variantName;
    QString stage;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    std::optional<double> costUsd;
    QString costSource; ///< "gateway" (usage.cost), "price_table" (config/prices.json) or empty (unknown)
    QString model;      ///< the priced model behind the variant (config/prices.json variantModels); may be empty
    bool outputValid = true;
    bool dryrun = false;
    qint64 durationMs = 0; ///< latency of the answered attempt
    QDateTime finishedAt;

    nlohmann::json toJson() const;
    static std::optional<InferenceRecord> fromJson(const nlohmann::json &json);

    bool operator==(const InferenceRecord &) const = default;
};

} // namespace diy
