#pragma once

#include "util/Result.h"

#include <nlohmann/json.hpp>

#include <QMap>
#include <QString>

#include <optional>

namespace diy {

/// The editable price table (config/prices.json): list prices per million tokens for the models
/// behind every TensorZero variant, per picture for the image models, the typical tokens of each
/// function's call and the default stage times for the estimate. A value type; load() reads a
/// file, bundled() the copy compiled into the core, defaultTable() the one the studio uses
/// ($DIY_PRICES_FILE when set, else the bundled table).
class PriceTable {
public:
    struct TokenPrice {
        QString provider;
        double inputPerMillion = 0.0;
        double outputPerMillion = 0.0;
    };
    struct ImagePrice {
        QString provider;
        double perImage = 0.0;
        QMap<QString, double> byQuality; ///< "low"/"medium"/"high" when the provider prices by quality
    };
    struct TypicalTokens {
        qint64 input = 0;
        qint64 output = 0;
        qint64 inputPerScene = 0;
        qint64 outputPerScene = 0;
    };

    static Result<PriceTable> fromJson(const nlohmann::json &json);
    static Result<PriceTable> load(const QString &path);
    static PriceTable bundled();
    static Result<PriceTable> defaultTable();

    QString pricesAsOf() const { return m_pricesAsOf; }
    QString source() const { return m_source; }

    std::optional<TokenPrice> tokenPrice(const QString &model) const;
    std::optional<ImagePrice> imagePrice(const QString &model) const;
    /// The model priced for a function's variant (empty when the table does not know it).
    QString modelForVariant(const QString &function, const QString &variant) const;
    /// Model calls one request of the variant makes (best-of-n: candidates + evaluator); 1 by default.
    int callsForVariant(const QString &function, const QString &variant) const;
    /// Every variant of `function` the table knows.
    QStringList variantsOf(const QString &function) const;
    /// Cost of one answered inference from its tokens; none when the variant's model is unknown.
    std::optional<double> tokenCost(const QString &function, const QString &variant, qint64 inputTokens, qint64 outputTokens) const;
    /// Cost of one picture; `quality` picks a per-quality price when the model has one.
    std::optional<double> imageCost(const QString &model, const QString &quality = {}) const;
    TypicalTokens typicalTokens(const QString &function) const { return m_typical.value(function); }
    /// Default seconds for a stage ("script", "prompts", "picture", "pictureConcurrency", "quality").
    double defaultSeconds(const QString &key, double fallback = 0.0) const { return m_defaultSeconds.value(key, fallback); }

private:
    QString m_pricesAsOf;
    QString m_source;
    QMap<QString, TokenPrice> m_tokens;
    QMap<QString, ImagePrice> m_images;
    QMap<QString, QString> m_variantModels; ///< "function/variant" → model
    QMap<QString, int> m_variantCalls;
    QMap<QString, TypicalTokens> m_typical;
    QMap<QString, double> m_defaultSeconds;
};

} // namespace diy
