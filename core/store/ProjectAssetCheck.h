#pragma once

#include "model/FieldProblem.h"
#include "model/Project.h"

#include <QString>

namespace diy {

/// Checks every file a project refers to, when it is loaded, and lists every problem at once (each
/// with the JSON path of the field that names the file): scene pictures must follow the
/// ProjectFiles rule and decode as images; brief.musicFile must follow the rule. The CLI refuses
/// to render (exit 3) while any is listed; the studio shows them when it opens the project.
/// Decodes images: call it off the GUI thread.
class ProjectAssetCheck {
public:
    static FieldProblems check(const Project &project, const QString &projectDir);
    /// What a problem of check() is about, as the creator knows it: "Step 2 (my photo.jpg)" for a
    /// scene's picture (with the file name they picked, when known), "The background music" for
    /// brief.musicFile; empty for any other path.
    static QString where(const Project &project, const QString &problemPath);
    /// "Step 2 (my photo.jpg): assets/images/….png is missing from the project folder."
    static QString describe(const Project &project, const FieldProblem &problem);
};

} // namespace diy
