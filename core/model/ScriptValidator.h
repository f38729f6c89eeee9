#pragma once

#include "model/FieldProblem.h"

#include <nlohmann/json_fwd.hpp>

#include <QString>

namespace diy {

/// Validates a script document against templates/script_output_schema.json (compiled into the
/// core's resources from the same file the TensorZero gateway reads) with a real JSON Schema
/// validator (valijson). The schema decides; the messages are phrased in plain words from the
/// schema's own limits ("A video can list at most 10 materials.").
class ScriptValidator {
public:
    static constexpr int kMaxDepth = 16; ///< a script nests 4 deep; deeper is refused before the schema runs
    /// The schema's list and text limits, read from the schema file so the editor, the validator
    /// and the gateway share one rule.
    struct Limits {
        int materialsMin = 0;
        int materialsMax = 0;
        int stepsMin = 0;
        int stepsMax = 0;
    };

    /// Problems with JSON pointer paths relative to the script, prefixed by `pathPrefix`.
    static FieldProblems validate(const nlohmann::json &script, const QString &pathPrefix = {});
    /// The schema document itself.
    static const nlohmann::json &schema();
    static Limits limits();
    /// minLength/maxLength of the string field at a script path ("/steps/0/narration"), or -1.
    static int minLength(const QString &path);
    static int maxLength(const QString &path);
    /// What a creator calls the field at a script path: "/steps/2/narration" → "Step 3 narration".
    static QString fieldLabel(const QString &path);
};

} // namespace diy
