#pragma once

#include "model/FieldProblem.h"
#include "util/Result.h"

#include <nlohmann/json_fwd.hpp>

#include <QList>
#include <QString>

namespace diy {

/// The structured script of one tutorial, exactly the shape of templates/script_output_schema.json.
struct Script {
    struct Section { ///< intro and completion
        QString narration;
        QString imagePrompt;
        bool operator==(const Section &) const = default;
    };
    struct Material {
        QString name;
        QString imagePrompt;
        bool operator==(const Material &) const = default;
    };
    struct Step {
        int stepNumber = 1;
        QString title;
        QString narration;
        QString imagePrompt;
        bool operator==(const Step &) const = default;
    };

    QString title;
    Section intro;
    QList<Material> materials;
    QList<Step> steps;
    Section completion;
    QString thumbnailPrompt;

    /// Step numbers follow list order (1, 2, 3…) after steps were added, removed or moved.
    void renumberSteps();
    /// Words spoken in the whole video (all scenes' narration).
    int spokenWordCount() const;

    /// The schema's JSON form (snake_case keys).
    nlohmann::json toJson() const;
    /// Validates against the schema file first; every problem is reported with its JSON path
    /// below `path`. Returns the script only when there are no problems.
    static Result<Script> fromJson(const nlohmann::json &json, const QString &path = {}, FieldProblems *problems = nullptr);
    /// Validation only (the JSON form of this script against the schema).
    FieldProblems validate() const;

    bool operator==(const Script &) const = default;
};

} // namespace diy
