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
                    fn.variants.insert(QString::fromStdString(std::string(vname.str())),
                                       {str(v["type"]), str(v["model"]), str(v["system_template"]), str(v["user_template"])});
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
    if (const toml::table *models = croot["models"].as_table()) {
        for (const auto &[name, node] : *models) {
            const toml::node_view<const toml::node> m(node.as_table());
            Model model;
            if (const toml::array *routing = m["routing"].as_array(); routing && !routing->empty())
                model.primaryProvider = QString::fromStdString(std::string((*routing)[0].value_or(std::string_view())));
            const auto provider = m["providers"][model.primaryProvider.toStdString()];
            if (const toml::array *cost = provider["cost"].as_array()) {
                model.hasCost = true;
                for (const auto &entry : *cost) {
                    const toml::node_view<const toml::node> e(entry);
                    const QString pointer = str(e["pointer"]).toLower();
                    const double perMillion = e["cost_per_million"].value_or(0.0);
                    if (pointer.contains(QStringLiteral("prompt")) || pointer.contains(QStringLiteral("input")))
                        model.inputPerMillion += perMillion;
                    else if (pointer.contains(QStringLiteral("completion")) || pointer.contains(QStringLiteral("output"))
                             || pointer.contains(QStringLiteral("candidates")))
                        model.outputPerMillion += perMillion;
                }
            }
            config.models.insert(QString::fromStdString(std::string(name.str())), model);
        }
    }
    if (const toml::table *metrics = croot["metrics"].as_table()) {
        for (const auto &[name, node] : *metrics) {
            const toml::node_view<const toml::node> m(node.as_table());
            config.metrics.insert(QString::fromStdString(std::string(name.str())),
                                  {str(m["type"]), str(m["optimize"]), str(m["level"])});
        }
    }
    return config;
}

} // namespace diy::test
