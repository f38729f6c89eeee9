#pragma once

#include "net/RetryPolicy.h"
#include "tensorzero/Episode.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace diy {

/// An image sent to a function as a base64 file block in the user message.
struct ImageInput {
    QByteArray mimeType = "image/jpeg";
    QByteArray data; ///< raw bytes; encoded to base64 when sent
};

/// A JSON-function inference. The studio sends template arguments only: the prompts are the
/// gateway's templates (templates/*.minijinja).
struct InferenceRequest {
    enum class Cache { Off, On, ReadOnly, WriteOnly };

    QString functionName;
    Episode episode;                                         ///< supplies episode_id (after the first call) and the project tag
    nlohmann::json userArguments = nlohmann::json::object(); ///< {"type":"text","arguments":…} of the user message
    std::optional<nlohmann::json> systemArguments;           ///< only for functions with a system_schema
    QList<ImageInput> images;                                ///< file blocks after the arguments, same user message
    QString variantName;                                     ///< pin a variant (empty: the gateway samples)
    QString stage;                                           ///< tag "stage" (script, prompts, quality…)
    QMap<QString, QString> tags;                             ///< more tags; keys must not start with "tensorzero::"
    bool dryrun = false;
    Cache cache = Cache::Off;
    std::optional<int> cacheMaxAgeS;
    std::optional<double> temperature; ///< params.chat_completion.temperature
    std::optional<int> maxTokens;      ///< params.chat_completion.max_tokens

    // Client-side policy for this request only (never sent); unset: the client's options.
    std::optional<int> timeoutMs;         ///< per attempt
    std::optional<RetryPolicy> retry;     ///< transport/status retries inside the HTTP job
    std::optional<int> parsedNullRetries; ///< extra inferences when output.parsed is null

    /// The /inference body, exactly as the gateway expects it.
    nlohmann::json toJson() const;
};

} // namespace diy
