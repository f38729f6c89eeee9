// diy-studio-cli gateway-config --providers-with-keys [--config FILE] [-o FILE]
// The TensorZero gateway checks every provider's key when it starts (a provider whose env::VAR is
// unset makes the config fail to load), so this writes a copy of config/tensorzero.toml that keeps
// only the model providers whose key variables are set, and drops what depended on the others.
#include "CliCommand.h"

#include "util/AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <toml++/toml.h>

#include <sstream>

using namespace diy;
using namespace diy::cli;

#include "util/DataDir.h"

namespace {

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString findConfig(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const Result<QString> found = DataDir::find(QStringLiteral("config/tensorzero.toml"));
    return found ? *found : QString();
}

/// The variable a provider reads its key from; empty when it needs none ("none", dynamic credentials).
QString keyVariable(const toml::table &provider)
{
    const QString location = q(provider["api_key_location"].value_or(std::string_view()));
    return location.startsWith(QStringLiteral("env::")) ? location.mid(5) : QString();
}

bool keySet(const QString &variable)
{
    return variable.isEmpty() || !qEnvironmentVariable(qPrintable(variable)).isEmpty();
}

/// Paths in the config are relative to the config file: keep them pointing at the same files.
void rebasePaths(toml::table &table, const QDir &from, const QDir &to)
{
    static const QSet<QString> pathKeys = {QStringLiteral("system_template"),    QStringLiteral("user_template"),
                                           QStringLiteral("assistant_template"), QStringLiteral("system_schema"),
                                           QStringLiteral("user_schema"),        QStringLiteral("assistant_schema"),
                                           QStringLiteral("output_schema"),      QStringLiteral("path")};
    for (auto &&[key, node] : table) {
        if (toml::table *child = node.as_table()) {
            rebasePaths(*child, from, to);
        } else if (pathKeys.contains(q(key.str())) && node.is_string()) {
            const QString absolute = QDir::cleanPath(from.absoluteFilePath(q(*node.value<std::string_view>())));
            node.as_string()->get() = to.relativeFilePath(absolute).toStdString();
        }
    }
}

struct Filtered {
    QStringList keptProviders;
    QStringList droppedProviders; ///< "models.M.providers.P (VAR)"
    QStringList droppedModels;
    QStringList droppedVariants;
    QStringList emptyFunctions;
};

Filtered filter(toml::table &root)
{
    Filtered out;
    QSet<QString> liveModels;
    if (toml::table *models = root["models"].as_table()) {
        QStringList deadModels;
        for (auto &&[mname, mnode] : *models) {
            toml::table &model = *mnode.as_table();
            const QString m = q(mname.str());
            toml::table *providers = model["providers"].as_table();
            QSet<QString> kept;
            if (providers) {
                QStringList dead;
                for (auto &&[pname, pnode] : *providers) {
                    const QString variable = keyVariable(*pnode.as_table());
                    if (keySet(variable)) {
                        kept.insert(q(pname.str()));
                        out.keptProviders.append(QStringLiteral("models.%1.providers.%2").arg(m, q(pname.str())));
                    } else {
                        dead.append(q(pname.str()));
                        out.droppedProviders.append(
                            QStringLiteral("models.%1.providers.%2 (%3 not set)").arg(m, q(pname.str()), variable));
                    }
                }
                for (const QString &p : dead)
                    providers->erase(p.toStdString());
            }
            if (toml::array *routing = model["routing"].as_array()) {
                for (std::size_t i = routing->size(); i-- > 0;)
                    if (!kept.contains(q((*routing)[i].value_or(std::string_view()))))
                        routing->erase(routing->begin() + std::ptrdiff_t(i));
            }
            if (kept.isEmpty())
                deadModels.append(m);
            else
                liveModels.insert(m);
        }
        for (const QString &m : deadModels) {
            models->erase(m.toStdString());
            out.droppedModels.append(m);
        }
    }
    auto modelLives = [&](const toml::node_view<toml::node> &variant) {
        const QString model = q(variant["model"].value_or(std::string_view()));
        return model.contains(QStringLiteral("::")) || liveModels.contains(model);
    };
    if (toml::table *functions = root["functions"].as_table()) {
        for (auto &&[fname, fnode] : *functions) {
            toml::table &function = *fnode.as_table();
            toml::table *variants = function["variants"].as_table();
            if (!variants)
                continue;
            QSet<QString> dead;
            // chat_completion variants first; then best-of-n/mixture variants whose parts all live.
            for (auto &&[vname, vnode] : *variants) {
                toml::node_view<toml::node> v(vnode);
                if (v["type"].value_or(std::string_view()) == std::string_view("chat_completion") && !modelLives(v))
                    dead.insert(q(vname.str()));
            }
            for (auto &&[vname, vnode] : *variants) {
                toml::node_view<toml::node> v(vnode);
                toml::array *candidates = v["candidates"].as_array();
                if (!candidates)
                    continue;
                bool lives = modelLives(v["evaluator"].is_table() ? v["evaluator"] : v["fuser"]);
                for (const auto &c : *candidates)
                    lives = lives && !dead.contains(q(c.value_or(std::string_view())));
                if (!lives)
                    dead.insert(q(vname.str()));
            }
            for (const QString &v : dead) {
                variants->erase(v.toStdString());
                out.droppedVariants.append(QStringLiteral("functions.%1.variants.%2").arg(q(fname.str()), v));
            }
            if (variants->empty())
                out.emptyFunctions.append(q(fname.str()));
            if (toml::table *experimentation = function["experimentation"].as_table()) {
                if (toml::table *weights = (*experimentation)["candidate_variants"].as_table())
                    for (const QString &v : dead)
                        weights->erase(v.toStdString());
                auto pruneList = [&dead](toml::array *list) {
                    if (!list)
                        return;
                    for (std::size_t i = list->size(); i-- > 0;)
                        if (dead.contains(q((*list)[i].value_or(std::string_view()))))
                            list->erase(list->begin() + std::ptrdiff_t(i));
                };
                pruneList((*experimentation)["candidate_variants"].as_array());
                pruneList((*experimentation)["fallback_variants"].as_array());
                const toml::node_view<toml::node> candidates = (*experimentation)["candidate_variants"];
                const bool noCandidates = (candidates.as_table() && candidates.as_table()->empty())
                                          || (candidates.as_array() && candidates.as_array()->empty());
                if (noCandidates) {
                    // Only fallbacks are left (or nothing): let the gateway use what remains.
                    function.erase("experimentation");
                }
            }
        }
    }
    return out;
}

int run(const QStringList &args)
{
    bool withKeys = false;
    QString configPath;
    QString outputPath;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QStringLiteral("--providers-with-keys"))
            withKeys = true;
        else if (a == QStringLiteral("--config") && i + 1 < args.size())
            configPath = args[++i];
        else if ((a == QStringLiteral("-o") || a == QStringLiteral("--output")) && i + 1 < args.size())
            outputPath = args[++i];
        else {
            printErr(QStringLiteral("gateway-config: unknown option '%1'. See 'diy-studio-cli gateway-config --help'.").arg(a));
            return ExitUsage;
        }
    }
    if (!withKeys) {
        printErr(QStringLiteral("gateway-config: say what to write: --providers-with-keys."));
        return ExitUsage;
    }
    configPath = findConfig(configPath);
    if (configPath.isEmpty() || !QFileInfo::exists(configPath)) {
        printErr(QStringLiteral("gateway-config: config/tensorzero.toml not found; pass --config FILE."));
        return ExitBadInput;
    }
    toml::table root;
    try {
        root = toml::parse_file(configPath.toStdString());
    } catch (const toml::parse_error &e) {
        printErr(QStringLiteral("gateway-config: %1 is not valid TOML: %2").arg(configPath, QString::fromUtf8(e.what())));
        return ExitBadInput;
    }
    const QDir sourceDir = QFileInfo(configPath).absoluteDir();
    if (outputPath.isEmpty())
        outputPath = sourceDir.filePath(QStringLiteral("tensorzero.with-keys.toml"));
    const QDir outputDir = QFileInfo(outputPath).absoluteDir();

    const Filtered result = filter(root);
    rebasePaths(root, sourceDir, outputDir);

    for (const QString &p : result.droppedProviders)
        printOut(QStringLiteral("  dropped  %1").arg(p));
    for (const QString &m : result.droppedModels)
        printOut(QStringLiteral("  dropped  models.%1 (no provider left)").arg(m));
    for (const QString &v : result.droppedVariants)
        printOut(QStringLiteral("  dropped  %1 (a model it needs has no provider left)").arg(v));
    if (result.keptProviders.isEmpty() || !result.emptyFunctions.isEmpty()) {
        printErr(QStringLiteral("gateway-config: with the keys that are set, %1 no model left. Set at least one of "
                                "OPENAI_API_KEY, ANTHROPIC_API_KEY or GOOGLE_AI_STUDIO_API_KEY.")
                     .arg(result.keptProviders.isEmpty()
                              ? QStringLiteral("the config has")
                              : result.emptyFunctions.join(QStringLiteral(", ")) + QStringLiteral(" would have")));
        return ExitFailure;
    }
    std::ostringstream text;
    text << "# Generated by diy-studio-cli gateway-config --providers-with-keys from " << configPath.toStdString()
         << "\n# Only the model providers whose key variables were set are kept. Regenerate it after\n"
            "# setting more keys; edit the original, not this file.\n\n"
         << toml::toml_formatter(root) << "\n";
    const Status written = AtomicFile::write(outputPath, QByteArray::fromStdString(text.str()));
    if (!written) {
        printErr(QStringLiteral("gateway-config: %1").arg(written.error().message));
        return ExitFailure;
    }
    printOut(QStringLiteral("Wrote %1 (%2 provider(s) kept, %3 dropped). Start the gateway with "
                            "--config-file pointing at it.")
                 .arg(outputPath)
                 .arg(result.keptProviders.size())
                 .arg(result.droppedProviders.size()));
    return ExitOk;
}

const CliCommand::Registration registration(CliCommand{
    QStringLiteral("gateway-config"), QStringLiteral("Write a TensorZero config with only the providers whose API keys are set"),
    QStringLiteral("Usage: diy-studio-cli gateway-config --providers-with-keys [--config FILE] [-o FILE]\n\n"
                   "The TensorZero gateway checks every provider's key when it starts: one unset variable\n"
                   "and the whole config fails to load. This writes a copy that keeps only the model\n"
                   "providers whose key variables (api_key_location = \"env::VAR\") are set, and drops the\n"
                   "models and variants left without a provider.\n\n"
                   "  --config FILE   the config to filter (default: config/tensorzero.toml)\n"
                   "  -o FILE         where to write (default: tensorzero.with-keys.toml beside the config);\n"
                   "                  template and schema paths are rewritten to stay correct\n\n"
                   "Exit codes: 0 written, 1 no usable provider (or cannot write), 2 usage, 3 bad config."),
    run});

} // namespace
