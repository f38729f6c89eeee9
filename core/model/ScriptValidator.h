#pragma once

#include "model/FieldProblem.h"

#include <nlohmann/json_fwd.hpp>

#include <QString>

namespace diy {

/// Validates a script document against templates/script_output_schema.json (compiled into the
/// core's resources from the same file the TensorZero gateway reads) with a real JSON Schema
/// validator (valijson).
class ScriptValidator {
public:
    static constexpr int kMaxDepth = 16; ///< a script nests 4 deep; deeper is refused before the schema runs

    /// Problems with JSON pointer paths relative to the script, prefixed by `pathPrefix`.
    static FieldProblems validate(const nlohmann::json &script, const QString &pathPrefix = {});
    /// The schema document itself.
    static const nlohmann::json &schema();
};

} // namespace diy
