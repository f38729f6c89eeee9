#pragma once

#include "util/Result.h"

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QString>

#include <optional>

namespace diy {

/// The one way to turn bytes from disk or the network into JSON. Every such document is
/// untrusted: it is refused when larger than `maxBytes` or nested deeper than `maxDepth` (checked
/// by an iterative scan before any DOM is built, so nothing on our side recurses without a bound),
/// and every nlohmann exception (syntax errors, numbers outside the double range, invalid UTF-8)
/// becomes an Error. A document that passed has a depth of at most `maxDepth`, so the recursive
/// parts of nlohmann (copy, dump, compare) stay shallow.
class JsonParser {
public:
    struct Limits {
        qint64 maxBytes = 16 * 1024 * 1024;
        int maxDepth = 64;
    };

    /// `what` names the document in messages ("project.json", "the gateway's answer").
    static Result<nlohmann::json> parse(const QByteArray &bytes, const QString &what, Limits limits);
    static Result<nlohmann::json> parse(const QByteArray &bytes, const QString &what);
    /// Nesting depth of JSON text (a scalar is 0, `[]` is 1), found without recursion. Brackets
    /// inside strings do not count. Stops early once `stopAbove` is exceeded.
    static int textDepth(const QByteArray &bytes, int stopAbove = 1 << 30);
    /// Nesting depth of a DOM, found without recursion; stops early once `stopAbove` is exceeded.
    static int depth(const nlohmann::json &value, int stopAbove = 1 << 30);
    /// A whole number within qint64, or nothing (floats, out-of-range unsigned values, other types).
    static std::optional<qint64> wholeNumber(const nlohmann::json &value);
    /// A whole number within [minimum, maximum], or nothing.
    static std::optional<qint64> wholeNumber(const nlohmann::json &value, qint64 minimum, qint64 maximum);
};

} // namespace diy
