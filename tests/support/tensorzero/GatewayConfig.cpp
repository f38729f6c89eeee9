#include "GatewayConfig.h"

#include <QDir>
#include <QFileInfo>

#include <toml++/toml.h>

namespace diy::test {

namespace {
QString str(const toml::node_view<const toml::node> &node)
{
    return QString::fromStdString(std::string(node.value_or(std::string_view())));
}
} // namespace

GatewayConfig GatewayConfig::load(const QString &tomlPath)
{
    GatewayConfig config;
    toml::table root;
    try {
        root = toml::parse_file(tomlPath.toStdString());
    } catch (const toml::parse_error &e) {
        config.error = QStringLiteral("%1: %2").arg(tomlPath, QString::fromUtf8(e.what()));
        return config;
    }
    const QDir base = QFileInfo(tomlPath).absoluteDir();
    auto schema = [&](const toml::node_view<const toml::node> &node) -> std::shared_ptr<JsonSchemaCheck> {
        const QString rel = str(node);
        if (rel.isEmpty())
            return nullptr;
        auto check = std::make_shared<JsonSchemaCheck>(QDir::cleanPath(base.filePath(rel)));
        if (!check->isValid() && config.error.isEmpty())
            config.error = check->error();
        return check;
    };

    const toml::table &croot = root;
    if (const toml::table *functions = croot["functions"].as_table()) {
        for (const auto &[name, node] : *functions) {
            const toml::table *t = node.as_table();
            if (!t)
                continue;
            const toml::node_view<const toml::node> f(t);
            Function fn;
            fn.type = str(f["type"]);
            fn.systemSchema = schema(f["system_schema"]);
            fn.userSchema = schema(f["user_schema"]);
            fn.outputSchema = schema(f["output_schema"]);
            if (const toml::table *variants = f["variants"].as_table()) {
                for (const auto &[vname, vnode] : *variants) {
                    const toml::node_view<const toml::node> v(vnode.as_table());
                    const QString variantName = QString::fromStdString(std::string(vname.str()));
                    Variant variant{str(v["type"]), str(v["model"]), str(v["system_template"]), str(v["user_template"]),
                                    str(v["json_mode"])};
                    const QString where =
                        QStringLiteral("functions.%1.variants.%2").arg(QString::fromStdString(std::string(name.str())), variantName);
                    if (v["json_mode"] && !v["json_mode"].is_string() && config.error.isEmpty())
                        config.error = where + QStringLiteral(".json_mode must be a string");
                    if (fn.type == QStringLiteral("json") && variant.type == QStringLiteral("chat_completion")
                        && variant.jsonMode.isEmpty() && config.error.isEmpty())
                        config.error = where + QStringLiteral(": json_mode is required on a json function's variant");
                    if (!variant.jsonMode.isEmpty()
                        && !QStringList{QStringLiteral("off"), QStringLiteral("on"), QStringLiteral("strict"),
                                        QStringLiteral("tool")}
                                .contains(variant.jsonMode)
                        && config.error.isEmpty())
                        config.error = where + QStringLiteral(": unknown json_mode `%1`").arg(variant.jsonMode);
                    fn.variants.insert(variantName, variant);
                }
            }
            const auto experimentation = f["experimentation"];
            if (const toml::table *weights = experimentation["candidate_variants"].as_table()) {
                for (const auto &[vname, w] : *weights)
                    fn.candidateWeights.insert(QString::fromStdString(std::string(vname.str())), w.value_or(0.0));
            } else if (const toml::array *list = experimentation["candidate_variants"].as_array()) {
                for (const auto &v : *list)
                    fn.candidateWeights.insert(QString::fromStdString(std::string(v.value_or(std::string_view()))), 1.0);
            }
            if (const toml::array *fallbacks = experimentation["fallback_variants"].as_array()) {
                for (const auto &v : *fallbacks)
                    fn.fallbackVariants.append(QString::fromStdString(std::string(v.value_or(std::string_view()))));
            }
            config.functions.insert(QString::fromStdString(std::string(name.str())), fn);
        }
    }
    if (const toml::table *metrics = croot["metrics"].as_table()) {
        for (const auto &[name, node] : *metrics) {
            const toml::node_view<const toml::node> m(node.as_table());
            config.metrics.insert(QString::fromStdString(std::string(name.str())),
                                  {str(m["type"]), str(m["optimize"]), str(m["level"])});
        }
    }
    if (const toml::table *models = croot["models"].as_table()) {
        for (const auto &[name, node] : *models) {
            const toml::node_view<const toml::node> m(node.as_table());
            const toml::table *providers = m["providers"].as_table();
            bool everyProviderCosted = providers && !providers->empty();
            if (providers)
                for (const auto &[pname, pnode] : *providers)
                    everyProviderCosted = everyProviderCosted && pnode.as_table() && pnode.as_table()->contains("cost");
            if (everyProviderCosted)
                config.modelsWithCost.insert(QString::fromStdString(std::string(name.str())));
        }
    }
    if (croot.contains("object_storage")) {
        config.objectStorage = str(croot["object_storage"]["type"]);
        if (!QStringList{QStringLiteral("disabled"), QStringLiteral("filesystem"), QStringLiteral("s3_compatible")}.contains(
                config.objectStorage)
            && config.error.isEmpty())
            config.error = QStringLiteral("object_storage.type must be disabled, filesystem or s3_compatible");
    }
    if (const auto enabled = croot["gateway"]["observability"]["enabled"].value<bool>())
        config.observabilityEnabled = *enabled;
    return config;
}

} // namespace diy::test
