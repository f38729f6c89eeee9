#pragma once

#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace diy {

/// A successful JSON-function inference: `parsed` is the output, already validated by the gateway
/// against the function's output schema.
struct InferenceResponse {
    QString inferenceId;
    QString episodeId;
    QString variantName;
    nlohmann::json parsed;
    QString raw;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    std::optional<double> costUsd;
    QString finishReason;
    QString gatewayVersion;
    int attempts = 1; ///< inference attempts including ones whose output was invalid
};

} // namespace diy
