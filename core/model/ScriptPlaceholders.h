#pragma once

#include "model/FieldProblem.h"
#include "model/Script.h"

namespace diy {

/// The text a new script, step or material starts with, and the check that none of it is left
/// when the video is rendered ("Describe what to do in this step." must never be spoken).
/// One list, in the core, so the studio, the CLI and the pipeline agree on what is unfilled.
class ScriptPlaceholders {
public:
    /// A script to write over: every field the creator must fill holds placeholder text.
    static Script blank(int steps);
    static Script::Step newStep(int stepNumber);
    static Script::Material newMaterial();

    /// True when `text` is placeholder text the studio put there (also the older wordings).
    static bool isPlaceholder(const QString &text);
    /// Each field still holding placeholder text, with a plain-words message naming it. Paths are
    /// relative to the script ("/steps/1/narration").
    static FieldProblems unfilled(const Script &script);
};

} // namespace diy
