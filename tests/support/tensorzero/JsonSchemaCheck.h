#pragma once

#include <QString>

#include <nlohmann/json.hpp>

#include <memory>

namespace valijson {
class Schema;
}

namespace diy::test {

/// A JSON schema file compiled once (valijson) and applied to documents.
class JsonSchemaCheck {
public:
    /// Loads and compiles `path`; isValid() is false (with error()) when it cannot.
    explicit JsonSchemaCheck(const QString &path);
    ~JsonSchemaCheck();
    bool isValid() const { return m_schema != nullptr; }
    QString error() const { return m_error; }
    const nlohmann::json &document() const { return m_document; }
    /// Empty when `value` matches; otherwise the first problems, joined.
    QString validate(const nlohmann::json &value) const;

private:
    nlohmann::json m_document;
    std::unique_ptr<valijson::Schema> m_schema;
    QString m_error;
};

} // namespace diy::test
