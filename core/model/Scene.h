#pragma once

#include "model/Script.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace diy {

/// One scene of the video, derived from the script in order: intro, materials, each step, completion.
///
/// Materials are ONE scene with a checklist, not one scene per material: a 3–10 item list read as a
/// single checklist keeps the pacing tight (one scene per item would give 2–3 s flashes), the card
/// stays on screen long enough to pause and read, and it matches how the script schema groups them.
struct Scene {
    enum class Kind { Intro, Materials, Step, Completion };

    Kind kind = Kind::Intro;
    QString key;           ///< "intro", "materials", "step-3", "completion"
    int stepNumber = 0;    ///< steps only
    int stepCount = 0;     ///< total steps, for "Step 2 of 5"
    QString title;         ///< card headline
    QString narration;     ///< what is spoken (and captioned)
    QString imagePrompt;   ///< for image providers
    QStringList checklist; ///< materials scene only

    static QList<Scene> fromScript(const Script &script);
    static QString kindId(Kind kind);
    QString displayName() const; ///< "Intro", "Materials", "Step 2", "Completion"

    bool operator==(const Scene &) const = default;
};

} // namespace diy
