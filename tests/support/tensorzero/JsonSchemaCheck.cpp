#include "JsonSchemaCheck.h"

#include <QFile>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

namespace diy::test {

JsonSchemaCheck::JsonSchemaCheck(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read %1").arg(path);
        return;
    }
    const QByteArray bytes = file.readAll();
    m_document = nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    if (m_document.is_discarded()) {
        m_error = QStringLiteral("%1 is not valid JSON").arg(path);
        return;
    }
    try {
        auto schema = std::make_unique<valijson::Schema>();
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        valijson::adapters::NlohmannJsonAdapter adapter(m_document);
        parser.populateSchema(adapter, *schema);
        m_schema = std::move(schema);
    } catch (const std::exception &e) {
        m_error = QStringLiteral("%1: %2").arg(path, QString::fromUtf8(e.what()));
    }
}

JsonSchemaCheck::~JsonSchemaCheck() = default;

QString JsonSchemaCheck::validate(const nlohmann::json &value) const
{
    if (!m_schema)
        return m_error;
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(value);
    if (validator.validate(*m_schema, target, &results))
        return {};
    QStringList problems;
    valijson::ValidationResults::Error error;
    while (results.popError(error) && problems.size() < 5) {
        QString where;
        for (const std::string &part : error.context)
            where += QString::fromStdString(part);
        problems.append(where + QStringLiteral(": ") + QString::fromStdString(error.description));
    }
    return problems.join(QStringLiteral("; "));
}

} // namespace diy::test
