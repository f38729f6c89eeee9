#include "model/UserText.h"

#include "model/JsonReader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <vector>

namespace diy {

namespace {

bool isControl(char32_t c, bool multiline)
{
    if (multiline && (c == u'\t' || c == u'\n' || c == u'\r'))
        return false;
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029;
}

QString characterName(char32_t c)
{
    switch (c) {
    case 0: return QStringLiteral("NUL");
    case u'\t': return QStringLiteral("tab");
    case u'\n': return QStringLiteral("line break");
    case u'\r': return QStringLiteral("carriage return");
    case 0x1b: return QStringLiteral("escape");
    case 0x7f: return QStringLiteral("delete");
    default: return QStringLiteral("control character");
    }
}

} // namespace

QString UserText::controlCharacterProblem(const QString &text, bool multiline)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char32_t c = text.at(i).unicode();
        if (isControl(c, multiline))
            return QStringLiteral("contains a control character (U+%1, %2) at position %3; remove it")
                .arg(qulonglong(c), 4, 16, QLatin1Char('0'))
                .arg(characterName(c))
                .arg(i + 1);
    }
    return {};
}

QString UserText::withoutControlCharacters(const QString &text, bool multiline)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text)
        if (!isControl(c.unicode(), multiline))
            out.append(c);
    return out;
}

FieldProblems UserText::controlCharacterProblems(const nlohmann::json &document, const QString &pathPrefix)
{
    FieldProblems problems;
    std::vector<std::pair<const nlohmann::json *, QString>> stack{{&document, pathPrefix}};
    while (!stack.empty()) {
        auto [node, path] = stack.back();
        stack.pop_back();
        if (node->is_string()) {
            const QString why = controlCharacterProblem(toQString(node->get_ref<const std::string &>()));
            if (!why.isEmpty())
                problems.append({path.isEmpty() ? QStringLiteral("/") : path, why});
        } else if (node->is_object()) {
            for (auto it = node->begin(); it != node->end(); ++it) {
                const QString key = toQString(it.key());
                const QString child = JsonReader::child(path, key);
                if (const QString why = controlCharacterProblem(key); !why.isEmpty())
                    problems.append({child, QStringLiteral("the field name %1").arg(why)});
                stack.emplace_back(&it.value(), child);
            }
        } else if (node->is_array()) {
            for (std::size_t i = 0; i < node->size(); ++i)
                stack.emplace_back(&node->at(i), JsonReader::child(path, i));
        }
    }
    std::sort(problems.begin(), problems.end(), [](const FieldProblem &a, const FieldProblem &b) { return a.path < b.path; });
    return problems;
}

} // namespace diy
