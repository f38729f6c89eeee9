#pragma once

#include "model/InferenceRecord.h"
#include "model/PriceTable.h"
#include "tensorzero/InferenceResponse.h"

namespace diy {

/// Turns an answered inference into the record kept with its result and in the ledger: ids,
/// variant, tokens, latency, and the cost — the gateway's `usage.cost` when its cost tables gave
/// one, else tokens times config/prices.json (costSource says which; none when neither knows).
struct InferencePricing {
    static InferenceRecord record(const InferenceResponse &response, const QString &functionName, const QString &stage,
                                  qint64 durationMs, const PriceTable &prices);
    /// Fills model, cost and costSource of a record the client made (e.g. an attempt whose output was invalid).
    static void price(InferenceRecord &record, const PriceTable &prices);
};

} // namespace diy
