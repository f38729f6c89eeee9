#pragma once

#include "util/Result.h"

#include <QByteArray>
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

    /// Reads the body of a JSON-function answer (`{inference_id, episode_id, variant_name,
    /// output: {raw, parsed}, usage, finish_reason?}`); an Error whose detail says what is
    /// missing or mistyped. `parsed` may be null (the caller treats that as a failed attempt).
    static Result<InferenceResponse> fromJson(const nlohmann::json &body);
    /// The same from raw bytes, parsed with JsonParser's bounds (the TensorZero answer parser).
    static Result<InferenceResponse> parse(const QByteArray &body);
};

} // namespace diy
