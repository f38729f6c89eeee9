#include "ai/InferencePricing.h"

namespace diy {

InferenceRecord InferencePricing::record(const InferenceResponse &response, const QString &functionName, const QString &stage,
                                         qint64 durationMs, const PriceTable &prices)
{
    InferenceRecord r;
    r.functionName = functionName;
    r.inferenceId = response.inferenceId;
    r.episodeId = response.episodeId;
    r.variantName = response.variantName;
    r.stage = stage;
    r.inputTokens = response.inputTokens;
    r.outputTokens = response.outputTokens;
    r.costUsd = response.costUsd;
    price(r, prices);
    r.outputValid = !response.parsed.is_null();
    r.durationMs = durationMs;
    r.finishedAt = QDateTime::currentDateTimeUtc();
    return r;
}

void InferencePricing::price(InferenceRecord &r, const PriceTable &prices)
{
    r.model = prices.modelForVariant(r.functionName, r.variantName);
    if (r.costUsd) {
        r.costSource = QStringLiteral("gateway");
    } else if (const auto cost = prices.tokenCost(r.functionName, r.variantName, r.inputTokens, r.outputTokens)) {
        r.costUsd = *cost;
        r.costSource = QStringLiteral("price_table");
    } else {
        r.costSource.clear();
    }
}

} // namespace diy
