#pragma once

#include "JsonSchemaCheck.h"

#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace diy::test {

/// What the gateway double needs from config/tensorzero.toml, with schema paths resolved
/// relative to the config file (as the real gateway does). Rules that make the real gateway refuse
/// to start set `error` (json_mode missing or invalid on a json function's variant, an unknown
/// object_storage type).
struct GatewayConfig {
    struct Variant {
        QString type;
        QString model;
        QString systemTemplate;
        QString userTemplate;
        QString jsonMode; ///< empty when the variant has none
    };
    struct Function {
        QString type; ///< "json" | "chat"
        std::shared_ptr<JsonSchemaCheck> systemSchema;
        std::shared_ptr<JsonSchemaCheck> userSchema;
        std::shared_ptr<JsonSchemaCheck> outputSchema;
        QMap<QString, Variant> variants;
        QMap<QString, double> candidateWeights; ///< empty: uniform over all variants
        QStringList fallbackVariants;
    };
    struct Metric {
        QString type;     ///< boolean | float
        QString optimize; ///< max | min
        QString level;    ///< inference | episode
    };

    QMap<QString, Function> functions;
    QMap<QString, Metric> metrics;
    /// Models whose every provider has a `cost` table: only their answers carry a usage.cost number.
    QSet<QString> modelsWithCost;
    /// `[object_storage] type`; empty when the section is missing (file blocks then fail with 500).
    QString objectStorage;
    /// `[gateway] observability.enabled` (absent: on, as with TENSORZERO_CLICKHOUSE_URL set).
    bool observabilityEnabled = true;
    QString error; ///< non-empty when the file could not be loaded

    static GatewayConfig load(const QString &tomlPath);
};

} // namespace diy::test
