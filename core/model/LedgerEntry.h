#pragma once

#include "model/FieldProblem.h"
#include "model/InferenceRecord.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QString>

namespace diy {

/// One paid call: what it was for, who served it, what it used and cost, and how long it took.
struct LedgerEntry {
    QDateTime at;
    QString what;         ///< for the creator: "Script", "Prompts", "Picture step-2", "Rewrite intro"
    QString stage;        ///< script | prompts | pictures | rewrite | quality | …
    QString provider;     ///< "tensorzero", "gemini", "openai"…
    QString model;        ///< priced model (may be empty when unknown)
    QString functionName; ///< TensorZero function, when it was an inference
    QString variant;      ///< TensorZero variant
    QString callId;       ///< inference id or the provider's request id
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    int pictures = 0;
    double costUsd = 0.0;
    QString costSource; ///< gateway | price_table | provider | unknown
    double seconds = 0.0;

    /// The entry for an answered TensorZero inference (tokens, cost and latency from the record).
    static LedgerEntry fromInference(const InferenceRecord &record, const QString &what);

    nlohmann::json toJson() const;
    static LedgerEntry fromJson(const nlohmann::json &json, const QString &path, FieldProblems *problems);

    bool operator==(const LedgerEntry &) const = default;
};

} // namespace diy
