// Static checks of config/tensorzero.toml against the rules in docs/tensorzero-api.md
// ("tensorzero.toml rules that reject a config") and of every template against its schema.
#include "TestPaths.h"

#include "ai/AiFunctions.h"
#include "model/PriceTable.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

using namespace diy;
using namespace diy::test;
using json = nlohmann::json;

namespace {

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QSet<QString> keysOf(const toml::table &t)
{
    QSet<QString> keys;
    for (const auto &[k, v] : t)
        keys.insert(q(k.str()));
    return keys;
}

QString unknownKeys(const toml::table &t, const QSet<QString> &allowed, const QString &where)
{
    QStringList bad;
    for (const QString &k : keysOf(t))
        if (!allowed.contains(k))
            bad.append(k);
    return bad.isEmpty() ? QString() : where + QStringLiteral(": unknown keys ") + bad.join(QLatin1Char(','));
}

json readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return nullptr;
    return json::parse(f.readAll().toStdString(), nullptr, false);
}

/// Root variable names a MiniJinja template reads (excluding loop variables and filters).
QSet<QString> templateVariables(const QString &text)
{
    static const QSet<QString> keywords = {
        QStringLiteral("if"),    QStringLiteral("elif"),   QStringLiteral("else"), QStringLiteral("endif"),
        QStringLiteral("for"),   QStringLiteral("endfor"), QStringLiteral("in"),   QStringLiteral("and"),
        QStringLiteral("or"),    QStringLiteral("not"),    QStringLiteral("is"),   QStringLiteral("true"),
        QStringLiteral("false"), QStringLiteral("none"),   QStringLiteral("loop"), QStringLiteral("set")};
    QSet<QString> used, bound;
    static const QRegularExpression tag(QStringLiteral("\\{\\{(.*?)\\}\\}|\\{%(.*?)%\\}"),
                                        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression forBind(QStringLiteral("^\\s*for\\s+([A-Za-z_]\\w*)"));
    static const QRegularExpression strings(QStringLiteral("\"[^\"]*\"|'[^']*'"));
    static const QRegularExpression ident(QStringLiteral("(?<![\\w.|])([A-Za-z_]\\w*)"));
    static const QRegularExpression filter(QStringLiteral("\\|\\s*[A-Za-z_]\\w*"));
    auto it = tag.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        QString expr = m.captured(1).isNull() ? m.captured(2) : m.captured(1);
        if (const auto b = forBind.match(expr); b.hasMatch()) {
            bound.insert(b.captured(1));
            expr = expr.mid(b.capturedEnd(1));
        }
        expr.remove(strings).remove(filter);
        auto ids = ident.globalMatch(expr);
        while (ids.hasNext()) {
            const QString name = ids.next().captured(1);
            if (!keywords.contains(name))
                used.insert(name);
        }
    }
    return used - bound;
}

} // namespace

class TestTensorZeroConfig : public QObject {
    Q_OBJECT
private:
    toml::table m_root;
    QDir m_configDir;

    QString resolve(const toml::node_view<const toml::node> &node) const
    {
        return QDir::cleanPath(m_configDir.filePath(q(node.value_or(std::string_view()))));
    }

    /// A chat_completion variant or a best-of-n evaluator: known keys, a model that exists, and
    /// every schema of the function matched by a template that reads only declared arguments.
    void checkChatCompletion(const toml::table &f, const toml::table &v, const QString &vwhere, bool evaluator)
    {
        const toml::table &root = m_root;
        QSet<QString> allowed = {QStringLiteral("model"),         QStringLiteral("system_template"),
                                 QStringLiteral("user_template"), QStringLiteral("assistant_template"),
                                 QStringLiteral("templates"),     QStringLiteral("temperature"),
                                 QStringLiteral("max_tokens"),    QStringLiteral("json_mode"),
                                 QStringLiteral("retries"),       QStringLiteral("timeouts"),
                                 QStringLiteral("seed"),          QStringLiteral("top_p")};
        if (!evaluator)
            allowed.insert(QStringLiteral("type"));
        QCOMPARE(unknownKeys(v, allowed, vwhere), QString());
        QVERIFY2(!v.contains("weight"), qPrintable(vwhere + QStringLiteral(": weight may not be mixed with experimentation")));
        const QString model = q(v["model"].value_or(std::string_view()));
        QVERIFY2(model.contains(QStringLiteral("::")) || root["models"][model.toStdString()].is_table(),
                 qPrintable(vwhere + QStringLiteral(": unknown model ") + model));
        // json_mode is required on every chat_completion variant of a json function (the evaluator's defaults to strict).
        QVERIFY2(evaluator || v.contains("json_mode"),
                 qPrintable(vwhere + QStringLiteral(": json_mode is required in a json function")));
        const QString jsonMode = q(v["json_mode"].value_or(std::string_view("strict")));
        QVERIFY((QStringList{QStringLiteral("off"), QStringLiteral("on"), QStringLiteral("strict"), QStringLiteral("tool")}.contains(
            jsonMode)));
        if (const toml::table *retries = v["retries"].as_table())
            QCOMPARE(unknownKeys(*retries, {QStringLiteral("num_retries"), QStringLiteral("max_delay_s")},
                                 vwhere + QStringLiteral(".retries")),
                     QString());
        // Every schema has its template in this variant, and every template has its schema.
        for (const char *role : {"system", "user", "assistant"}) {
            const std::string schemaKey = std::string(role) + "_schema";
            const std::string templateKey = std::string(role) + "_template";
            if (f.contains(schemaKey))
                QVERIFY2(v.contains(templateKey), qPrintable(vwhere + QStringLiteral(": missing ") + q(templateKey)));
            if (!v.contains(templateKey))
                continue;
            const QString path = resolve(v[templateKey]);
            QVERIFY2(QFileInfo::exists(path), qPrintable(vwhere + QStringLiteral(": template missing: ") + path));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QSet<QString> used = templateVariables(QString::fromUtf8(file.readAll()));
            if (!f.contains(schemaKey)) {
                QVERIFY2(used.isEmpty(), qPrintable(vwhere + QStringLiteral(": ") + q(templateKey)
                                                    + QStringLiteral(" uses variables but there is no ") + q(schemaKey)));
                continue;
            }
            const json schema = readJson(resolve(f[schemaKey]));
            QSet<QString> declared, required;
            for (auto it = schema["properties"].begin(); it != schema["properties"].end(); ++it)
                declared.insert(QString::fromStdString(it.key()));
            for (const auto &r : schema.value("required", json::array()))
                required.insert(QString::fromStdString(r.get<std::string>()));
            const QSet<QString> undeclared = used - declared;
            QVERIFY2(undeclared.isEmpty(), qPrintable(path + QStringLiteral(" uses undeclared ")
                                                      + QStringList(undeclared.begin(), undeclared.end()).join(QLatin1Char(','))));
            const QSet<QString> unused = required - used;
            QVERIFY2(unused.isEmpty(), qPrintable(path + QStringLiteral(" ignores required ")
                                                  + QStringList(unused.begin(), unused.end()).join(QLatin1Char(','))));
            // The gateway's templates are strict: every variable a template reads must always be sent.
            const QSet<QString> optionalUsed = used - required;
            QVERIFY2(optionalUsed.isEmpty(),
                     qPrintable(path + QStringLiteral(" reads optional ")
                                + QStringList(optionalUsed.begin(), optionalUsed.end()).join(QLatin1Char(','))));
        }
    }

private slots:
    void initTestCase()
    {
        const QString path = sourcePath(QStringLiteral("config/tensorzero.toml"));
        m_configDir = QFileInfo(path).absoluteDir();
        try {
            m_root = toml::parse_file(path.toStdString());
        } catch (const toml::parse_error &e) {
            QFAIL(e.what());
        }
    }

    void topLevelAndGateway()
    {
        const toml::table &root = m_root;
        QCOMPARE(unknownKeys(root,
                             {QStringLiteral("gateway"), QStringLiteral("models"), QStringLiteral("functions"),
                              QStringLiteral("metrics"), QStringLiteral("object_storage")},
                             QStringLiteral("root")),
                 QString());
        if (const toml::table *g = root["gateway"].as_table()) {
            QCOMPARE(unknownKeys(*g, {QStringLiteral("bind_address"), QStringLiteral("observability"), QStringLiteral("auth")},
                                 QStringLiteral("gateway")),
                     QString());
            if (const toml::table *o = (*g)["observability"].as_table())
                QCOMPARE(unknownKeys(*o, {QStringLiteral("enabled")}, QStringLiteral("gateway.observability")), QString());
        }
        // The judge sends keyframes as image blocks: without [object_storage] the real gateway
        // answers every such request with 500.
        const toml::table *storage = root["object_storage"].as_table();
        QVERIFY2(storage, "config/tensorzero.toml needs an [object_storage] section (image blocks fail with 500 without it)");
        const QString type = q(root["object_storage"]["type"].value_or(std::string_view()));
        QVERIFY2(
            (QStringList{QStringLiteral("disabled"), QStringLiteral("filesystem"), QStringLiteral("s3_compatible")}.contains(type)),
            qPrintable(QStringLiteral("object_storage.type `%1`").arg(type)));
        if (type == QStringLiteral("disabled"))
            QCOMPARE(unknownKeys(*storage, {QStringLiteral("type")}, QStringLiteral("object_storage")), QString());
    }

    void modelsRouteEveryProvider()
    {
        const toml::table &root = m_root;
        const toml::table *models = root["models"].as_table();
        QVERIFY(models && !models->empty());
        const QSet<QString> providerTypes = {QStringLiteral("openai"),
                                             QStringLiteral("anthropic"),
                                             QStringLiteral("google_ai_studio_gemini"),
                                             QStringLiteral("gcp_vertex_gemini"),
                                             QStringLiteral("xai"),
                                             QStringLiteral("mistral"),
                                             QStringLiteral("deepseek"),
                                             QStringLiteral("groq"),
                                             QStringLiteral("together"),
                                             QStringLiteral("openrouter"),
                                             QStringLiteral("fireworks"),
                                             QStringLiteral("vllm")};
        for (const auto &[name, node] : *models) {
            const toml::table &m = *node.as_table();
            const QString where = QStringLiteral("models.") + q(name.str());
            QCOMPARE(unknownKeys(m, {QStringLiteral("routing"), QStringLiteral("providers")}, where), QString());
            const toml::array *routing = m["routing"].as_array();
            const toml::table *providers = m["providers"].as_table();
            QVERIFY2(routing && providers, qPrintable(where));
            QStringList routed;
            for (const auto &r : *routing)
                routed.append(q(r.value_or(std::string_view())));
            QCOMPARE(QSet<QString>(routed.begin(), routed.end()), keysOf(*providers));
            QCOMPARE(routed.size(), int(providers->size())); // no duplicates
            for (const auto &[pname, pnode] : *providers) {
                const toml::table &p = *pnode.as_table();
                const QString pwhere = where + QStringLiteral(".providers.") + q(pname.str());
                QCOMPARE(unknownKeys(p,
                                     {QStringLiteral("type"), QStringLiteral("model_name"), QStringLiteral("api_key_location"),
                                      QStringLiteral("api_base"), QStringLiteral("cost")},
                                     pwhere),
                         QString());
                if (const toml::array *cost = p["cost"].as_array()) {
                    for (const auto &entry : *cost) {
                        const toml::table *e = entry.as_table();
                        QVERIFY2(e, qPrintable(pwhere + QStringLiteral(".cost: entries are tables")));
                        QCOMPARE(unknownKeys(*e,
                                             {QStringLiteral("pointer"), QStringLiteral("pointer_nonstreaming"),
                                              QStringLiteral("pointer_streaming"), QStringLiteral("cost_per_million"),
                                              QStringLiteral("cost_per_unit"), QStringLiteral("required")},
                                             pwhere + QStringLiteral(".cost")),
                                 QString());
                        QVERIFY2(q((*e)["pointer"].value_or(std::string_view())).startsWith(QLatin1Char('/')),
                                 qPrintable(pwhere + QStringLiteral(".cost: pointer is a JSON Pointer")));
                        QVERIFY2(e->contains("cost_per_million") != e->contains("cost_per_unit"),
                                 qPrintable(pwhere + QStringLiteral(".cost: one of cost_per_million/cost_per_unit")));
                    }
                }
                QVERIFY2(providerTypes.contains(q(p["type"].value_or(std::string_view()))), qPrintable(pwhere));
                QVERIFY2(!q(p["model_name"].value_or(std::string_view())).isEmpty(), qPrintable(pwhere));
                const QString key = q(p["api_key_location"].value_or(std::string_view()));
                QVERIFY2(key.startsWith(QStringLiteral("env::")) || key == QStringLiteral("none"),
                         qPrintable(pwhere + QStringLiteral(": keys come from the environment")));
            }
        }
    }

    void metricsMatchTheProduct()
    {
        const toml::table &root = m_root;
        const toml::table *metrics = root["metrics"].as_table();
        QVERIFY(metrics);
        const QMap<QString, QStringList> expected = {
            {QStringLiteral("video_quality_score"), {QStringLiteral("float"), QStringLiteral("max"), QStringLiteral("inference")}},
            {QStringLiteral("user_satisfaction"), {QStringLiteral("boolean"), QStringLiteral("max"), QStringLiteral("episode")}},
            {QStringLiteral("video_generation_cost"), {QStringLiteral("float"), QStringLiteral("min"), QStringLiteral("episode")}},
            {QStringLiteral("video_generation_time"), {QStringLiteral("float"), QStringLiteral("min"), QStringLiteral("episode")}},
            {QStringLiteral("video_completion_rate"), {QStringLiteral("boolean"), QStringLiteral("max"), QStringLiteral("episode")}},
        };
        QCOMPARE(keysOf(*metrics), QSet<QString>(expected.keyBegin(), expected.keyEnd()));
        for (const auto &[name, node] : *metrics) {
            const toml::table &m = *node.as_table();
            QCOMPARE(unknownKeys(m, {QStringLiteral("type"), QStringLiteral("optimize"), QStringLiteral("level")}, q(name.str())),
                     QString());
            const QStringList got = {q(m["type"].value_or(std::string_view())), q(m["optimize"].value_or(std::string_view())),
                                     q(m["level"].value_or(std::string_view()))};
            QCOMPARE(got, expected.value(q(name.str())));
        }
    }

    void functionsVariantsSchemasAndTemplates()
    {
        const toml::table &root = m_root;
        const toml::table *functions = root["functions"].as_table();
        QVERIFY(functions);
        QCOMPARE(keysOf(*functions), (QSet<QString>{QStringLiteral("script_generator"), QStringLiteral("prompt_enhancer"),
                                                    QStringLiteral("scene_rewriter"), QStringLiteral("video_evaluator")}));
        for (const auto &[fname, fnode] : *functions) {
            const toml::table &f = *fnode.as_table();
            const QString where = QStringLiteral("functions.") + q(fname.str());
            QCOMPARE(unknownKeys(f,
                                 {QStringLiteral("type"), QStringLiteral("system_schema"), QStringLiteral("user_schema"),
                                  QStringLiteral("assistant_schema"), QStringLiteral("output_schema"), QStringLiteral("schemas"),
                                  QStringLiteral("variants"), QStringLiteral("experimentation"), QStringLiteral("description")},
                                 where),
                     QString());
            QCOMPARE(q(f["type"].value_or(std::string_view())), QStringLiteral("json"));
            QVERIFY2(f.contains("output_schema"), qPrintable(where));
            if (q(fname.str()) == QStringLiteral("script_generator"))
                QCOMPARE(resolve(f["output_schema"]), sourcePath(QStringLiteral("templates/script_output_schema.json")));
            for (const char *schemaKey : {"system_schema", "user_schema", "assistant_schema", "output_schema"}) {
                if (f.contains(schemaKey)) {
                    const json schema = readJson(resolve(f[schemaKey]));
                    QVERIFY2(schema.is_object(), qPrintable(where + QStringLiteral(": cannot read ") + resolve(f[schemaKey])));
                    if (std::string_view(schemaKey) == "output_schema")
                        QVERIFY2(schema.value("additionalProperties", true) == false,
                                 qPrintable(where + QStringLiteral(": output schema must be strict")));
                }
            }
            const toml::table *variants = f["variants"].as_table();
            QVERIFY2(variants && !variants->empty(), qPrintable(where));
            for (const auto &[vname, vnode] : *variants) {
                const toml::table &v = *vnode.as_table();
                const QString vwhere = where + QStringLiteral(".variants.") + q(vname.str());
                const QString type = q(v["type"].value_or(std::string_view()));
                if (type == QStringLiteral("experimental_best_of_n_sampling")) {
                    QCOMPARE(unknownKeys(v, {QStringLiteral("type"), QStringLiteral("candidates"), QStringLiteral("evaluator")},
                                         vwhere),
                             QString());
                    const toml::array *candidates = v["candidates"].as_array();
                    QVERIFY2(candidates && candidates->size() >= 2, qPrintable(vwhere + QStringLiteral(": candidates")));
                    for (const auto &c : *candidates) {
                        const QString name = q(c.value_or(std::string_view()));
                        QVERIFY2(variants->contains(name.toStdString()),
                                 qPrintable(vwhere + QStringLiteral(": unknown candidate ") + name));
                        QCOMPARE(q((*variants)[name.toStdString()]["type"].value_or(std::string_view())),
                                 QStringLiteral("chat_completion"));
                    }
                    const toml::table *evaluator = v["evaluator"].as_table();
                    QVERIFY2(evaluator, qPrintable(vwhere + QStringLiteral(": evaluator")));
                    checkChatCompletion(f, *evaluator, vwhere + QStringLiteral(".evaluator"), true);
                    if (QTest::currentTestFailed())
                        return;
                    continue;
                }
                QCOMPARE(type, QStringLiteral("chat_completion"));
                checkChatCompletion(f, v, vwhere, false);
                if (QTest::currentTestFailed())
                    return;
            }
            // A/B: static experimentation whose variants exist.
            const toml::table *experimentation = f["experimentation"].as_table();
            QVERIFY2(experimentation, qPrintable(where + QStringLiteral(": no experimentation table")));
            QCOMPARE(unknownKeys(*experimentation,
                                 {QStringLiteral("type"), QStringLiteral("candidate_variants"), QStringLiteral("fallback_variants")},
                                 where + QStringLiteral(".experimentation")),
                     QString());
            QCOMPARE(q((*experimentation)["type"].value_or(std::string_view())), QStringLiteral("static"));
            QSet<QString> candidates;
            if (const toml::table *weights = (*experimentation)["candidate_variants"].as_table()) {
                for (const auto &[c, w] : *weights) {
                    candidates.insert(q(c.str()));
                    QVERIFY2(w.is_number() && w.value_or(0.0) > 0, qPrintable(where + QStringLiteral(": weight of ") + q(c.str())));
                }
            } else if (const toml::array *list = (*experimentation)["candidate_variants"].as_array()) {
                for (const auto &c : *list)
                    candidates.insert(q(c.value_or(std::string_view())));
            }
            QVERIFY2(candidates.size() >= 2, qPrintable(where + QStringLiteral(": an A/B test needs two candidates")));
            for (const QString &c : candidates)
                QVERIFY2(variants->contains(c.toStdString()), qPrintable(where + QStringLiteral(": unknown candidate ") + c));
            if (const toml::array *fallbacks = (*experimentation)["fallback_variants"].as_array()) {
                for (const auto &fb : *fallbacks) {
                    const QString name = q(fb.value_or(std::string_view()));
                    QVERIFY2(variants->contains(name.toStdString()),
                             qPrintable(where + QStringLiteral(": unknown fallback ") + name));
                    QVERIFY2(!candidates.contains(name),
                             qPrintable(where + QStringLiteral(": fallback is also a candidate: ") + name));
                }
            }
        }
    }

    void schemasHaveNoId()
    {
        // The gateway resolves schemas by path; an `$id` makes validators resolve references
        // against a URL that does not exist.
        QDirIterator it(sourcePath(QStringLiteral("templates")), {QStringLiteral("*.json")}, QDir::Files,
                        QDirIterator::Subdirectories);
        int schemas = 0;
        while (it.hasNext()) {
            const QString file = it.next();
            const json schema = readJson(file);
            QVERIFY2(schema.is_object(), qPrintable(file));
            QVERIFY2(!schema.contains("$id"), qPrintable(file + QStringLiteral(" has $id")));
            ++schemas;
        }
        QVERIFY(schemas >= 8);
    }

    void visionFunctionRoutesOnlyVisionModels()
    {
        // video_evaluator receives keyframes: every provider any of its variants can fall back to
        // must accept images (a text-only model would fail or ignore them).
        const QStringList visionFamilies = {QStringLiteral("gpt-4o"), QStringLiteral("gpt-4.1"), QStringLiteral("gpt-5"),
                                            QStringLiteral("claude-"), QStringLiteral("gemini-")};
        const toml::table &root = m_root;
        const toml::table *variants = root["functions"]["video_evaluator"]["variants"].as_table();
        QVERIFY(variants);
        for (const auto &[vname, vnode] : *variants) {
            const toml::node_view<const toml::node> v(vnode);
            const std::string model(v["model"].value_or(std::string_view()));
            const toml::table *providers = root["models"][model]["providers"].as_table();
            QVERIFY2(providers, model.c_str());
            for (const auto &[pname, pnode] : *providers) {
                const QString modelName = q(toml::node_view<const toml::node>(pnode)["model_name"].value_or(std::string_view()));
                bool vision = false;
                for (const QString &family : visionFamilies)
                    vision = vision || modelName.startsWith(family);
                QVERIFY2(vision,
                         qPrintable(QStringLiteral("video_evaluator.%1 can route to text-only %2").arg(q(vname.str()), modelName)));
            }
        }
    }

    void scriptFallbackIsTheVariantTheStudioPins()
    {
        const toml::table &root = m_root;
        const toml::array *fallbacks =
            root["functions"][AiFunctions::scriptGenerator().toStdString()]["experimentation"]["fallback_variants"].as_array();
        QVERIFY(fallbacks && !fallbacks->empty());
        QCOMPARE(q((*fallbacks)[0].value_or(std::string_view())), AiFunctions::scriptFallbackVariant());
        for (const QString &fn : {AiFunctions::scriptGenerator(), AiFunctions::promptEnhancer(), AiFunctions::sceneRewriter(),
                                  AiFunctions::videoEvaluator()})
            QVERIFY2(root["functions"][fn.toStdString()].is_table(), qPrintable(fn));
    }

    void bestOfThreeIsAnExperimentArm()
    {
        const toml::table &root = m_root;
        const auto variant = root["functions"]["prompt_enhancer"]["variants"]["best_of_3"];
        QCOMPARE(q(variant["type"].value_or(std::string_view())), QStringLiteral("experimental_best_of_n_sampling"));
        QCOMPARE(variant["candidates"].as_array()->size(), std::size_t(3));
        QVERIFY(root["functions"]["prompt_enhancer"]["experimentation"]["candidate_variants"]["best_of_3"].value_or(0.0) > 0);
    }

    void priceTableAgreesWithTheConfig()
    {
        // config/prices.json names, for every variant, the model its first routed provider runs,
        // and carries the same list prices as the providers' cost tables.
        const auto prices = PriceTable::load(sourcePath(QStringLiteral("config/prices.json")));
        QVERIFY2(prices.ok(), qPrintable(prices.ok() ? QString() : prices.error().toString()));
        const toml::table &root = m_root;
        auto primaryModel = [&](const std::string &model) {
            const auto m = root["models"][model];
            const std::string provider(m["routing"][0].value_or(std::string_view()));
            return q(m["providers"][provider]["model_name"].value_or(std::string_view()));
        };
        for (const auto &[fname, fnode] : *root["functions"].as_table()) {
            for (const auto &[vname, vnode] : *toml::node_view<const toml::node>(fnode)["variants"].as_table()) {
                const toml::node_view<const toml::node> v(vnode);
                const QString where = q(fname.str()) + QLatin1Char('/') + q(vname.str());
                const QString priced = prices->modelForVariant(q(fname.str()), q(vname.str()));
                QVERIFY2(!priced.isEmpty(), qPrintable(where + QStringLiteral(" has no price")));
                if (v["type"].value_or(std::string_view()) == std::string_view("chat_completion")) {
                    QCOMPARE(priced, primaryModel(std::string(v["model"].value_or(std::string_view()))));
                } else {
                    // best-of-n: priced at its dearest model (candidates and evaluator), calls counted.
                    QCOMPARE(prices->callsForVariant(q(fname.str()), q(vname.str())), int(v["candidates"].as_array()->size()) + 1);
                    double dearest = 0;
                    QString dearestModel;
                    QStringList models = {primaryModel(std::string(v["evaluator"]["model"].value_or(std::string_view())))};
                    for (const auto &c : *v["candidates"].as_array()) {
                        const std::string candidate(c.value_or(std::string_view()));
                        models.append(primaryModel(std::string(
                            root["functions"][fname.str()]["variants"][candidate]["model"].value_or(std::string_view()))));
                    }
                    for (const QString &m : models) {
                        const auto price = prices->tokenPrice(m);
                        QVERIFY2(price, qPrintable(m));
                        if (price->outputPerMillion > dearest) {
                            dearest = price->outputPerMillion;
                            dearestModel = m;
                        }
                    }
                    QCOMPARE(priced, dearestModel);
                }
            }
        }
        for (const auto &[mname, mnode] : *root["models"].as_table()) {
            for (const auto &[pname, pnode] : *toml::node_view<const toml::node>(mnode)["providers"].as_table()) {
                const toml::node_view<const toml::node> p(pnode);
                const QString model = q(p["model_name"].value_or(std::string_view()));
                const QString where = q(mname.str()) + QLatin1Char('.') + q(pname.str());
                const auto price = prices->tokenPrice(model);
                QVERIFY2(price, qPrintable(where + QStringLiteral(": no price for ") + model));
                const toml::array *cost = p["cost"].as_array();
                QVERIFY2(cost && cost->size() == 2, qPrintable(where + QStringLiteral(": cost table with input and output")));
                QCOMPARE((*cost)[0].as_table()->at("cost_per_million").value_or(-1.0), price->inputPerMillion);
                QCOMPARE((*cost)[1].as_table()->at("cost_per_million").value_or(-1.0), price->outputPerMillion);
            }
        }
    }

    void everyTemplateFileIsReferenced()
    {
        QSet<QString> referenced;
        const toml::table &root = m_root;
        for (const auto &[fname, fnode] : *root["functions"].as_table()) {
            const toml::table &f = *fnode.as_table();
            for (const char *k : {"system_schema", "user_schema", "output_schema"})
                if (f.contains(k))
                    referenced.insert(resolve(f[k]));
            for (const auto &[vname, vnode] : *f["variants"].as_table()) {
                const toml::node_view<const toml::node> v(vnode);
                for (const auto &t : {v, v["evaluator"]})
                    for (const char *k : {"system_template", "user_template"})
                        if (t[k])
                            referenced.insert(resolve(t[k]));
            }
        }
        QDirIterator it(sourcePath(QStringLiteral("templates")), {QStringLiteral("*.minijinja"), QStringLiteral("*.json")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = QDir::cleanPath(it.next());
            QVERIFY2(referenced.contains(file), qPrintable(file + QStringLiteral(" is not used by config/tensorzero.toml")));
        }
    }

    void templateVariableExtraction_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("plain") << QStringLiteral("Hi {{ name }}") << QStringList{QStringLiteral("name")};
        QTest::newRow("attr and filter") << QStringLiteral("{{ a.b | tojson }}") << QStringList{QStringLiteral("a")};
        QTest::newRow("loop var bound") << QStringLiteral("{% for s in scenes %}{{ s.title }}{% endfor %}")
                                        << QStringList{QStringLiteral("scenes")};
        QTest::newRow("condition with string")
            << QStringLiteral("{% if mode == \"kid\" %}x{% endif %}") << QStringList{QStringLiteral("mode")};
        QTest::newRow("no variables") << QStringLiteral("Just text") << QStringList{};
    }
    void templateVariableExtraction()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const QSet<QString> got = templateVariables(text);
        QCOMPARE(got, QSet<QString>(expected.begin(), expected.end()));
    }

    void fixturesMatchOutputSchemasAreCheckedByTheDouble()
    {
        // Each function has a fixture the double serves; a fixture that failed its schema would be
        // served as parsed:null and break the client tests, so here only presence is checked.
        for (const char *fn : {"script_generator", "prompt_enhancer", "scene_rewriter", "video_evaluator"})
            QVERIFY(readJson(sourcePath(QStringLiteral("tests/data/tensorzero/%1/output.json").arg(QLatin1String(fn)))).is_object());
    }
};

QTEST_GUILESS_MAIN(TestTensorZeroConfig)
#include "tst_tensorzero_config.moc"
