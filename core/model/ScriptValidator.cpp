#include "model/ScriptValidator.h"

#include "model/JsonReader.h"
#include "model/UserText.h"
#include "util/JsonParser.h"

#include <QFile>

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

QString friendly(const QString &description)
{
    // valijson's messages are precise but terse; keep them and make the first letter upper-case.
    if (description.isEmpty())
        return description;
    return description.at(0).toUpper() + description.mid(1);
}

} // namespace

const json &ScriptValidator::schema()
{
    return compiled().document;
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
    QString lastPath;
    while (results.popError(error)) {
        const QString path = pathPrefix + pointerFromContext(error.context);
        const QString message = friendly(toQString(error.description));
        // valijson reports an object's failure once per failing child and again for the parent;
        // keep the most specific line for each path.
        if (message.startsWith(QStringLiteral("Failed to validate against schema associated with property")))
            continue;
        if (message.startsWith(QStringLiteral("Failed to validate item #")))
            continue;
        if (controlPaths.contains(path.isEmpty() ? QStringLiteral("/") : path))
            continue; // already reported as a control character
        problems.append({path.isEmpty() ? QStringLiteral("/") : path, message});
        lastPath = path;
    }
    if (problems.isEmpty())
        problems.append({pathPrefix.isEmpty() ? QStringLiteral("/") : pathPrefix,
                         QStringLiteral("The script does not match the script schema.")});
    return problems;
}

} // namespace diy
