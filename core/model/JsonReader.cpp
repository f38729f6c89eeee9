#include "model/JsonReader.h"

namespace diy {

using nlohmann::json;

namespace {
QString typeName(const json &value)
{
    return QString::fromLatin1(value.type_name());
}
} // namespace

const json *JsonReader::field(const json &parent, const QString &parentPath, const char *key, bool required,
                              bool (json::*isRightType)() const noexcept, const QString &typeLabel, QString *path)
{
    *path = child(parentPath, QString::fromLatin1(key));
    if (!parent.is_object() || !parent.contains(key)) {
        if (required)
            problem(*path, QStringLiteral("is missing"));
        return nullptr;
    }
    const json &value = parent.at(key);
    if (!(value.*isRightType)()) {
        problem(*path, QStringLiteral("must be %1, not %2").arg(typeLabel, typeName(value)));
        return nullptr;
    }
    return &value;
}

QString toQString(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

std::string toStd(const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    return std::string(utf8.constData(), std::size_t(utf8.size()));
}

QString JsonReader::child(const QString &path, const QString &key)
{
    QString escaped = key;
    escaped.replace(QLatin1Char('~'), QStringLiteral("~0")).replace(QLatin1Char('/'), QStringLiteral("~1"));
    return path + QLatin1Char('/') + escaped;
}

QString JsonReader::child(const QString &path, std::size_t index)
{
    return path + QLatin1Char('/') + QString::number(index);
}

void JsonReader::problem(const QString &path, const QString &message)
{
    m_problems->append({path.isEmpty() ? QStringLiteral("/") : path, message});
}

const json *JsonReader::object(const json &parent, const QString &parentPath, const char *key, bool required)
{
    const QString path = child(parentPath, QString::fromLatin1(key));
    if (!parent.is_object() || !parent.contains(key)) {
        if (required)
            problem(path, QStringLiteral("is missing"));
        return nullptr;
    }
    const json &value = parent.at(key);
    if (value.is_null() && !required)
        return nullptr;
    if (!value.is_object()) {
        problem(path, QStringLiteral("must be an object, not %1").arg(typeName(value)));
        return nullptr;
    }
    return &value;
}

const json *JsonReader::array(const json &parent, const QString &parentPath, const char *key, bool required)
{
    QString path;
    return field(parent, parentPath, key, required, &json::is_array, QStringLiteral("an array"), &path);
}

QString JsonReader::string(const json &parent, const QString &parentPath, const char *key, const QString &fallback, bool required,
                           int maxLength)
{
    QString path;
    const json *value = field(parent, parentPath, key, required, &json::is_string, QStringLiteral("a string"), &path);
    if (!value)
        return fallback;
    QString s = toQString(value->get<std::string>());
    if (s.size() > maxLength) {
        problem(path, QStringLiteral("is too long (%1 characters; at most %2)").arg(s.size()).arg(maxLength));
        return fallback;
    }
    return s;
}

int JsonReader::integer(const json &parent, const QString &parentPath, const char *key, int fallback, int minimum, int maximum,
                        bool required)
{
    QString path;
    const json *value = field(parent, parentPath, key, required, &json::is_number_integer, QStringLiteral("a whole number"), &path);
    if (!value)
        return fallback;
    // Unsigned values above the int64 range would wrap: report them as out of range too.
    if (value->is_number_unsigned() && value->get<json::number_unsigned_t>() > json::number_unsigned_t(maximum)) {
        problem(
            path,
            QStringLiteral("must be between %1 and %2, not %3").arg(minimum).arg(maximum).arg(value->get<json::number_unsigned_t>()));
        return fallback;
    }
    const auto n = value->get<long long>();
    if (n < minimum || n > maximum) {
        problem(path, QStringLiteral("must be between %1 and %2, not %3").arg(minimum).arg(maximum).arg(n));
        return fallback;
    }
    return int(n);
}

double JsonReader::number(const json &parent, const QString &parentPath, const char *key, double fallback, double minimum,
                          double maximum, bool required)
{
    QString path;
    const json *value = field(parent, parentPath, key, required, &json::is_number, QStringLiteral("a number"), &path);
    if (!value)
        return fallback;
    const double n = value->get<double>();
    if (n < minimum || n > maximum) {
        problem(path, QStringLiteral("must be between %1 and %2, not %3").arg(minimum).arg(maximum).arg(n));
        return fallback;
    }
    return n;
}

bool JsonReader::boolean(const json &parent, const QString &parentPath, const char *key, bool fallback, bool required)
{
    QString path;
    const json *value = field(parent, parentPath, key, required, &json::is_boolean, QStringLiteral("true or false"), &path);
    return value ? value->get<bool>() : fallback;
}

QString JsonReader::oneOf(const json &parent, const QString &parentPath, const char *key, const QStringList &allowed,
                          const QString &fallback, bool required)
{
    const QString path = child(parentPath, QString::fromLatin1(key));
    const QString s = string(parent, parentPath, key, fallback, required);
    if (s != fallback && !allowed.contains(s)) {
        problem(path, QStringLiteral("must be one of %1, not \"%2\"").arg(allowed.join(QStringLiteral(", ")), s));
        return fallback;
    }
    return s;
}

} // namespace diy
