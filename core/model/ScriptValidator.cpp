#include "model/ScriptValidator.h"

#include "model/JsonReader.h"
#include "model/UserText.h"
#include "util/JsonParser.h"

#include <QFile>
#include <QRegularExpression>

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <memory>
#include <mutex>

namespace diy {

using nlohmann::json;

namespace {

struct CompiledSchema {
    json document;
    valijson::Schema schema;
};

const CompiledSchema &compiled()
{
    static std::unique_ptr<CompiledSchema> instance;
    static std::once_flag once;
    std::call_once(once, [] {
        instance = std::make_unique<CompiledSchema>();
        QFile file(QStringLiteral(":/diy/templates/script_output_schema.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("script_output_schema.json is missing from the core resources");
        instance->document = json::parse(file.readAll().toStdString());
        valijson::SchemaParser parser;
        valijson::adapters::NlohmannJsonAdapter adapter(instance->document);
        parser.populateSchema(adapter, instance->schema);
    });
    return *instance;
}

QStringList pathParts(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

/// valijson context ["<root>", "[steps]", "[0]", "[title]"] → "/steps/0/title"
QString pointerFromContext(const std::vector<std::string> &context)
{
    QString path;
    for (const std::string &part : context) {
        if (part == "<root>")
            continue;
        QString p = toQString(part);
        if (p.startsWith(QLatin1Char('[')) && p.endsWith(QLatin1Char(']')))
            p = p.mid(1, p.size() - 2);
        if (p.startsWith(QLatin1Char('"')) && p.endsWith(QLatin1Char('"')))
            p = p.mid(1, p.size() - 2);
        path = JsonReader::child(path, p);
    }
    return path;
}

/// The schema node that describes the value at a script path (properties and items followed).
const json *schemaAt(const QString &path)
{
    const json *node = &compiled().document;
    for (const QString &part : pathParts(path)) {
        if (node->contains("items")) {
            bool number = false;
            part.toInt(&number);
            if (!number)
                return nullptr;
            node = &node->at("items");
        } else if (node->contains("properties") && node->at("properties").contains(part.toStdString())) {
            node = &node->at("properties").at(part.toStdString());
        } else {
            return nullptr;
        }
    }
    return node;
}

const json *valueAt(const json &document, const QString &path)
{
    const json *node = &document;
    for (const QString &part : pathParts(path)) {
        if (node->is_object() && node->contains(part.toStdString())) {
            node = &node->at(part.toStdString());
        } else if (node->is_array()) {
            bool ok = false;
            const int index = part.toInt(&ok);
            if (!ok || index < 0 || std::size_t(index) >= node->size())
                return nullptr;
            node = &node->at(std::size_t(index));
        } else {
            return nullptr;
        }
    }
    return node;
}

int schemaInt(const json *node, const char *key)
{
    return node && node->contains(key) && node->at(key).is_number_integer() ? node->at(key).get<int>() : -1;
}

QString upperFirst(const QString &text)
{
    return text.isEmpty() ? text : text.at(0).toUpper() + text.mid(1);
}

QString typeWord(const json *schemaNode)
{
    const std::string type = schemaNode && schemaNode->contains("type") ? schemaNode->at("type").get<std::string>() : std::string();
    if (type == "string")
        return QStringLiteral("text");
    if (type == "integer")
        return QStringLiteral("a whole number");
    if (type == "array")
        return QStringLiteral("a list");
    if (type == "object")
        return QStringLiteral("a group of fields");
    return QStringLiteral("something else");
}

/// One plain-words sentence for a failing value, from the schema's limits at that path.
QString plainMessage(const json &document, const QString &path, const QString &valijsonMessage)
{
    const QString label = ScriptValidator::fieldLabel(path);
    const json *rule = schemaAt(path);
    const json *value = valueAt(document, path);

    static const QRegularExpression missing(QStringLiteral("Missing required property '([^']+)'"));
    if (const auto m = missing.match(valijsonMessage); m.hasMatch())
        return QStringLiteral("%1 is missing.").arg(ScriptValidator::fieldLabel(JsonReader::child(path, m.captured(1))));
    if (valijsonMessage.contains(QStringLiteral("additionalProperties"))) {
        static const QRegularExpression name(QStringLiteral("'([^']+)'\\.?$"));
        const auto m = name.match(valijsonMessage);
        return QStringLiteral("%1 has a field the script format does not know%2.")
            .arg(label, m.hasMatch() ? QStringLiteral(" (\"%1\")").arg(m.captured(1)) : QString());
    }
    if (!value || !rule)
        return upperFirst(valijsonMessage);

    const std::string type = rule->contains("type") ? rule->at("type").get<std::string>() : std::string();
    const bool typeOk = (type == "string" && value->is_string()) || (type == "integer" && value->is_number_integer())
                        || (type == "array" && value->is_array()) || (type == "object" && value->is_object());
    if (!typeOk)
        return QStringLiteral("%1 should be %2.").arg(label, typeWord(rule));

    if (value->is_string()) {
        const int length = int(toQString(value->get<std::string>()).trimmed().size());
        const int min = schemaInt(rule, "minLength");
        const int max = schemaInt(rule, "maxLength");
        if (length == 0 && min > 0)
            return QStringLiteral("%1 is empty: write at least %2 characters.").arg(label).arg(min);
        if (min >= 0 && length < min)
            return QStringLiteral("%1 is too short: write at least %2 characters (it has %3).").arg(label).arg(min).arg(length);
        if (max >= 0 && length > max)
            return QStringLiteral("%1 is too long: at most %2 characters (it has %3).").arg(label).arg(max).arg(length);
    }
    if (value->is_array()) {
        const int count = int(value->size());
        const int min = schemaInt(rule, "minItems");
        const int max = schemaInt(rule, "maxItems");
        const QString noun = path == QStringLiteral("/materials") ? QStringLiteral("materials") : QStringLiteral("steps");
        const QString verb = path == QStringLiteral("/materials") ? QStringLiteral("list") : QStringLiteral("have");
        if (max >= 0 && count > max)
            return QStringLiteral("A video can %1 at most %2 %3 (this script has %4).").arg(verb).arg(max).arg(noun).arg(count);
        if (min >= 0 && count < min)
            return QStringLiteral("A video needs at least %1 %2 (this script has %3).").arg(min).arg(noun).arg(count);
    }
    if (value->is_number_integer()) {
        const int n = value->get<int>();
        const int min = schemaInt(rule, "minimum");
        const int max = schemaInt(rule, "maximum");
        if ((min >= 0 && n < min) || (max >= 0 && n > max))
            return QStringLiteral("%1 must be between %2 and %3.").arg(label).arg(min).arg(max);
    }
    return QStringLiteral("%1: %2").arg(label, upperFirst(valijsonMessage));
}

} // namespace

const json &ScriptValidator::schema()
{
    return compiled().document;
}

ScriptValidator::Limits ScriptValidator::limits()
{
    Limits l;
    l.materialsMin = schemaInt(schemaAt(QStringLiteral("/materials")), "minItems");
    l.materialsMax = schemaInt(schemaAt(QStringLiteral("/materials")), "maxItems");
    l.stepsMin = schemaInt(schemaAt(QStringLiteral("/steps")), "minItems");
    l.stepsMax = schemaInt(schemaAt(QStringLiteral("/steps")), "maxItems");
    return l;
}

int ScriptValidator::minLength(const QString &path)
{
    return schemaInt(schemaAt(path), "minLength");
}

int ScriptValidator::maxLength(const QString &path)
{
    return schemaInt(schemaAt(path), "maxLength");
}

QString ScriptValidator::fieldLabel(const QString &path)
{
    const QStringList parts = pathParts(path);
    if (parts.isEmpty())
        return QStringLiteral("The script");
    auto leaf = [](const QString &key) {
        if (key == QLatin1String("image_prompt"))
            return QStringLiteral("picture description");
        if (key == QLatin1String("step_number"))
            return QStringLiteral("number");
        return QString(key).replace(QLatin1Char('_'), QLatin1Char(' '));
    };
    const QString &head = parts.first();
    if (head == QLatin1String("title") && parts.size() == 1)
        return QStringLiteral("The title");
    if (head == QLatin1String("thumbnail_prompt"))
        return QStringLiteral("The thumbnail description");
    if (head == QLatin1String("intro") || head == QLatin1String("completion")) {
        const QString section = head == QLatin1String("intro") ? QStringLiteral("intro") : QStringLiteral("closing");
        return parts.size() > 1 ? QStringLiteral("The %1 %2").arg(section, leaf(parts.at(1)))
                                : QStringLiteral("The %1").arg(section);
    }
    if (head == QLatin1String("materials") || head == QLatin1String("steps")) {
        const bool steps = head == QLatin1String("steps");
        if (parts.size() == 1)
            return steps ? QStringLiteral("The steps") : QStringLiteral("The materials");
        const int n = parts.at(1).toInt() + 1;
        const QString item = steps ? QStringLiteral("Step %1").arg(n) : QStringLiteral("Material %1").arg(n);
        return parts.size() > 2 ? QStringLiteral("%1 %2").arg(item, leaf(parts.at(2))) : item;
    }
    return upperFirst(leaf(parts.last()));
}

FieldProblems ScriptValidator::validate(const json &script, const QString &pathPrefix)
{
    if (JsonParser::depth(script, kMaxDepth) > kMaxDepth)
        return {{pathPrefix.isEmpty() ? QStringLiteral("/") : pathPrefix,
                 QStringLiteral("The script is nested too deeply (more than %1 levels).").arg(kMaxDepth)}};
    // Control characters first, with a message that says so: the schema validator would call a
    // text with a NUL "too short" (it measures up to the NUL).
    FieldProblems problems = UserText::controlCharacterProblems(script, pathPrefix);
    QStringList controlPaths;
    for (const FieldProblem &p : std::as_const(problems))
        controlPaths.append(p.path);
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(script);
    if (validator.validate(compiled().schema, target, &results))
        return problems;
    valijson::ValidationResults::Error error;
    QStringList seen;
    while (results.popError(error)) {
        const QString description = toQString(error.description);
        // valijson reports an object's failure once per failing child and again for the parent;
        // keep the most specific line for each path.
        if (description.startsWith(QStringLiteral("Failed to validate against schema associated with property")))
            continue;
        if (description.startsWith(QStringLiteral("Failed to validate item #")))
            continue;
        const QString path = pointerFromContext(error.context);
        const QString message = plainMessage(script, path, description);
        const QString key = path + QLatin1Char('\n') + message;
        if (seen.contains(key))
            continue;
        seen.append(key);
        const QString full = pathPrefix + path;
        if (controlPaths.contains(full.isEmpty() ? QStringLiteral("/") : full))
            continue; // already reported as a control character
        problems.append({full.isEmpty() ? QStringLiteral("/") : full, message});
    }
    if (problems.isEmpty())
        problems.append({pathPrefix.isEmpty() ? QStringLiteral("/") : pathPrefix,
                         QStringLiteral("The script does not match the script format.")});
    return problems;
}

} // namespace diy
