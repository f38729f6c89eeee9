#pragma once

#include <nlohmann/json_fwd.hpp>

#include "model/FieldProblem.h"

#include <QString>

namespace diy {

/// Rules for text the creator (or a model, or a file) supplies that ends up spoken, painted or
/// sent: NUL and the other control characters are refused with a message that says so, never
/// misreported as "too short" (a NUL used to cut a string short in the schema validator).
/// Tabs and line breaks are allowed in multi-line fields.
class UserText {
public:
    /// "contains a control character (U+0000, NUL) at position 12; remove it", or empty.
    static QString controlCharacterProblem(const QString &text, bool multiline = true);
    /// The text with every control character removed (tabs and line breaks kept when multiline).
    static QString withoutControlCharacters(const QString &text, bool multiline = true);
    /// Every string in a JSON document (keys included) that has a control character other than
    /// tab and line breaks, each with its JSON path below `pathPrefix`. Iterative.
    static FieldProblems controlCharacterProblems(const nlohmann::json &document, const QString &pathPrefix = {});
};

} // namespace diy
