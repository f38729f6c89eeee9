#include "util/JsonParser.h"

#include <limits>
#include <vector>

namespace diy {

using nlohmann::json;

int JsonParser::textDepth(const QByteArray &bytes, int stopAbove)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : bytes) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"': inString = true; break;
        case '[':
        case '{':
            deepest = std::max(deepest, ++depth);
            if (deepest > stopAbove)
                return deepest;
            break;
        case ']':
        case '}':
            if (depth > 0)
                --depth;
            break;
        default: break;
        }
    }
    return deepest;
}

int JsonParser::depth(const json &value, int stopAbove)
{
    std::vector<std::pair<const json *, int>> stack{{&value, 0}};
    int deepest = 0;
    while (!stack.empty()) {
        const auto [node, level] = stack.back();
        stack.pop_back();
        if (!node->is_structured())
            continue;
        deepest = std::max(deepest, level + 1);
        if (deepest > stopAbove)
            return deepest;
        for (const json &child : *node)
            stack.emplace_back(&child, level + 1);
    }
    return deepest;
}

Result<json> JsonParser::parse(const QByteArray &bytes, const QString &what)
{
    return parse(bytes, what, Limits());
}

Result<json> JsonParser::parse(const QByteArray &bytes, const QString &what, Limits limits)
{
    if (bytes.size() > limits.maxBytes)
        return Error::invalidInput(
            QStringLiteral("%1 is too large (%2 bytes; at most %3).").arg(what).arg(bytes.size()).arg(limits.maxBytes));
    const int depthFound = textDepth(bytes, limits.maxDepth);
    if (depthFound > limits.maxDepth)
        return Error::invalidInput(QStringLiteral("%1 is nested too deeply (more than %2 levels).").arg(what).arg(limits.maxDepth));
    try {
        return json::parse(bytes.constData(), bytes.constData() + bytes.size());
    } catch (const json::parse_error &e) {
        return Error::invalidInput(QStringLiteral("%1 is not valid JSON (error at byte %2).").arg(what).arg(e.byte),
                                   QString::fromUtf8(e.what()));
    } catch (const json::out_of_range &e) {
        return Error::invalidInput(QStringLiteral("%1 holds a number outside the range the studio can read.").arg(what),
                                   QString::fromUtf8(e.what()));
    } catch (const json::exception &e) {
        return Error::invalidInput(QStringLiteral("%1 is not valid JSON.").arg(what), QString::fromUtf8(e.what()));
    }
}

std::optional<qint64> JsonParser::wholeNumber(const json &value)
{
    if (value.is_number_unsigned()) {
        const auto u = value.get<json::number_unsigned_t>();
        if (u > json::number_unsigned_t(std::numeric_limits<qint64>::max()))
            return std::nullopt;
        return qint64(u);
    }
    if (value.is_number_integer())
        return qint64(value.get<json::number_integer_t>());
    return std::nullopt;
}

std::optional<qint64> JsonParser::wholeNumber(const json &value, qint64 minimum, qint64 maximum)
{
    const auto n = wholeNumber(value);
    if (!n || *n < minimum || *n > maximum)
        return std::nullopt;
    return n;
}

} // namespace diy
