#pragma once

#include "model/FieldProblem.h"

#include <nlohmann/json.hpp>

#include <QString>
#include <QStringList>

#include <optional>

namespace diy {

/// Reads fields out of a JSON document and records every problem with its JSON path instead of
/// stopping at the first one, so a broken file is reported in full.
class JsonReader {
public:
    explicit JsonReader(FieldProblems *problems) : m_problems(problems) {}

    /// Child path: JsonReader::child("/brief", "voice") == "/brief/voice"; array index likewise.
    static QString child(const QString &path, const QString &key);
    static QString child(const QString &path, std::size_t index);

    const nlohmann::json *object(const nlohmann::json &parent, const QString &parentPath, const char *key, bool required = true);
    const nlohmann::json *array(const nlohmann::json &parent, const QString &parentPath, const char *key, bool required = true);
    QString string(const nlohmann::json &parent, const QString &parentPath, const char *key, const QString &fallback = {},
                   bool required = true, int maxLength = 100000);
    int integer(const nlohmann::json &parent, const QString &parentPath, const char *key, int fallback, int minimum, int maximum,
                bool required = true);
    double number(const nlohmann::json &parent, const QString &parentPath, const char *key, double fallback, double minimum,
                  double maximum, bool required = true);
    bool boolean(const nlohmann::json &parent, const QString &parentPath, const char *key, bool fallback, bool required = true);
    QString oneOf(const nlohmann::json &parent, const QString &parentPath, const char *key, const QStringList &allowed,
                  const QString &fallback, bool required = true);

    void problem(const QString &path, const QString &message);

private:
    /// The field at `key` when present and of the right type; otherwise records why not.
    const nlohmann::json *field(const nlohmann::json &parent, const QString &parentPath, const char *key, bool required,
                                bool (nlohmann::json::*isRightType)() const noexcept, const QString &typeLabel, QString *path);

    FieldProblems *m_problems;
};

QString toQString(const std::string &s);
std::string toStd(const QString &s);

} // namespace diy
