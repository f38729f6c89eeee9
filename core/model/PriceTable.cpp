#include "model/PriceTable.h"

#include "model/JsonReader.h"
#include "util/AtomicFile.h"

#include <QFile>

namespace diy {

using nlohmann::json;

namespace {

double number(const json &j, const char *key)
{
    return j.contains(key) && j[key].is_number() ? j[key].get<double>() : 0.0;
}

bool isComment(const std::string &key)
{
    return key == "comment";
}

} // namespace

Result<PriceTable> PriceTable::fromJson(const json &j)
{
    auto bad = [](const QString &why) { return Error::invalidInput(QStringLiteral("The price table is not valid: %1").arg(why)); };
    if (!j.is_object() || !j.contains("tokenModels") || !j["tokenModels"].is_object())
        return bad(QStringLiteral("it needs an object \"tokenModels\"."));
    PriceTable t;
    t.m_pricesAsOf = toQString(j.value("pricesAsOf", std::string()));
    t.m_source = toQString(j.value("source", std::string()));
    for (auto it = j["tokenModels"].begin(); it != j["tokenModels"].end(); ++it) {
        if (isComment(it.key()))
            continue;
        if (!it->is_object() || !(*it).contains("inputPerMillion") || !(*it).contains("outputPerMillion")
            || number(*it, "inputPerMillion") < 0 || number(*it, "outputPerMillion") < 0)
            return bad(
                QStringLiteral("tokenModels/%1 needs inputPerMillion and outputPerMillion (0 or more).").arg(toQString(it.key())));
        t.m_tokens.insert(toQString(it.key()), {toQString(it->value("provider", std::string())), number(*it, "inputPerMillion"),
                                                number(*it, "outputPerMillion")});
    }
    if (j.contains("imageModels") && j["imageModels"].is_object()) {
        for (auto it = j["imageModels"].begin(); it != j["imageModels"].end(); ++it) {
            if (isComment(it.key()))
                continue;
            if (!it->is_object() || !(*it).contains("perImage") || number(*it, "perImage") < 0)
                return bad(QStringLiteral("imageModels/%1 needs perImage (0 or more).").arg(toQString(it.key())));
            ImagePrice price{toQString(it->value("provider", std::string())), number(*it, "perImage"), {}};
            if (it->contains("perImageByQuality") && (*it)["perImageByQuality"].is_object())
                for (auto q = (*it)["perImageByQuality"].begin(); q != (*it)["perImageByQuality"].end(); ++q)
                    if (q->is_number())
                        price.byQuality.insert(toQString(q.key()), q->get<double>());
            t.m_images.insert(toQString(it.key()), price);
        }
    }
    if (j.contains("variantModels") && j["variantModels"].is_object()) {
        for (auto it = j["variantModels"].begin(); it != j["variantModels"].end(); ++it) {
            if (isComment(it.key()))
                continue;
            const QString model = it->is_string() ? toQString(it->get<std::string>()) : QString();
            if (!t.m_tokens.contains(model))
                return bad(QStringLiteral("variantModels/%1 names \"%2\", which tokenModels does not price.")
                               .arg(toQString(it.key()), model));
            t.m_variantModels.insert(toQString(it.key()), model);
        }
    }
    if (j.contains("variantCalls") && j["variantCalls"].is_object())
        for (auto it = j["variantCalls"].begin(); it != j["variantCalls"].end(); ++it)
            if (!isComment(it.key()) && it->is_number_integer() && it->get<int>() >= 1)
                t.m_variantCalls.insert(toQString(it.key()), it->get<int>());
    if (j.contains("typicalTokens") && j["typicalTokens"].is_object()) {
        for (auto it = j["typicalTokens"].begin(); it != j["typicalTokens"].end(); ++it) {
            if (isComment(it.key()) || !it->is_object())
                continue;
            t.m_typical.insert(toQString(it.key()), {qint64(number(*it, "input")), qint64(number(*it, "output")),
                                                     qint64(number(*it, "inputPerScene")), qint64(number(*it, "outputPerScene"))});
        }
    }
    if (j.contains("defaultSeconds") && j["defaultSeconds"].is_object())
        for (auto it = j["defaultSeconds"].begin(); it != j["defaultSeconds"].end(); ++it)
            if (it->is_number())
                t.m_defaultSeconds.insert(toQString(it.key()), it->get<double>());
    return t;
}

Result<PriceTable> PriceTable::load(const QString &path)
{
    const auto bytes = AtomicFile::read(path, 4 * 1024 * 1024);
    if (!bytes)
        return Error::invalidInput(QStringLiteral("Cannot read the price table %1.").arg(path), bytes.error().detail);
    const json j = json::parse(bytes->constData(), bytes->constData() + bytes->size(), nullptr, false);
    if (j.is_discarded())
        return Error::invalidInput(QStringLiteral("The price table %1 is not valid JSON.").arg(path));
    auto table = fromJson(j);
    if (!table)
        return Error::invalidInput(QStringLiteral("%1 (%2)").arg(table.error().message, path));
    return table;
}

PriceTable PriceTable::bundled()
{
    static const PriceTable table = [] {
        auto loaded = load(QStringLiteral(":/diy/config/prices.json"));
        if (!loaded)
            qFatal("config/prices.json is missing from the core resources or invalid");
        return loaded.value();
    }();
    return table;
}

Result<PriceTable> PriceTable::defaultTable()
{
    const QString path = qEnvironmentVariable("DIY_PRICES_FILE");
    if (path.isEmpty())
        return bundled();
    return load(path);
}

std::optional<PriceTable::TokenPrice> PriceTable::tokenPrice(const QString &model) const
{
    const auto it = m_tokens.constFind(model);
    return it == m_tokens.cend() ? std::nullopt : std::optional<TokenPrice>(*it);
}

std::optional<PriceTable::ImagePrice> PriceTable::imagePrice(const QString &model) const
{
    const auto it = m_images.constFind(model);
    return it == m_images.cend() ? std::nullopt : std::optional<ImagePrice>(*it);
}

QString PriceTable::modelForVariant(const QString &function, const QString &variant) const
{
    return m_variantModels.value(function + QLatin1Char('/') + variant);
}

int PriceTable::callsForVariant(const QString &function, const QString &variant) const
{
    return m_variantCalls.value(function + QLatin1Char('/') + variant, 1);
}

QStringList PriceTable::variantsOf(const QString &function) const
{
    QStringList out;
    const QString prefix = function + QLatin1Char('/');
    for (auto it = m_variantModels.cbegin(); it != m_variantModels.cend(); ++it)
        if (it.key().startsWith(prefix))
            out.append(it.key().mid(prefix.size()));
    return out;
}

std::optional<double> PriceTable::tokenCost(const QString &function, const QString &variant, qint64 inputTokens,
                                            qint64 outputTokens) const
{
    const auto price = tokenPrice(modelForVariant(function, variant));
    if (!price)
        return std::nullopt;
    return (double(inputTokens) * price->inputPerMillion + double(outputTokens) * price->outputPerMillion) / 1e6;
}

std::optional<double> PriceTable::imageCost(const QString &model, const QString &quality) const
{
    const auto price = imagePrice(model);
    if (!price)
        return std::nullopt;
    if (!quality.isEmpty() && price->byQuality.contains(quality))
        return price->byQuality.value(quality);
    return price->perImage;
}

} // namespace diy
