#pragma once

#include "model/DefaultVoice.h"
#include "model/FieldProblem.h"
#include "model/VideoFormat.h"

#include <nlohmann/json_fwd.hpp>

#include <QString>
#include <QStringList>

namespace diy {

/// What the creator asks for: the one-line description and the knobs around it.
struct Brief {
    enum class ContentMode { Kid, Adult };

    static constexpr int kDescriptionMin = 5;
    static constexpr int kDescriptionMax = 200;
    static constexpr int kDurationMin = 60;
    static constexpr int kDurationMax = 600;
    static constexpr int kStepsMin = 3;
    static constexpr int kStepsMax = 8;
    static constexpr int kRateMin = 80;
    static constexpr int kRateMax = 260;

    QString description;
    ContentMode contentMode = ContentMode::Kid;
    int targetDurationSeconds = 180;
    int expectedSteps = 5;
    QString hostCharacter;
    VideoFormat format;
    QString language = QStringLiteral("English");       ///< the language the AI writes in: a name or a code ("de-DE")
    QString voice = DefaultVoice::builtIn();            ///< espeak-ng voice, or a provider voice id
    int speechRate = 160;                               ///< words per minute
    QString captionStyle = QStringLiteral("bold");      ///< one of captionStyles()
    QString captionPosition = QStringLiteral("bottom"); ///< bottom | center | top
    QString musicFile;                                  ///< optional, relative to the project folder or absolute
    double musicVolume = 0.15;

    /// Every problem, each with its path below the brief ("/description", …). Empty when valid.
    FieldProblems validate() const;

    static QString contentModeId(ContentMode mode);
    /// A project name from a description, usable as a folder name:
    /// "how to make a bird feeder from a milk carton" → "Bird feeder from a milk carton".
    static QString suggestedProjectName(const QString &description);
    static QStringList captionStyles();
    static QStringList captionPositions();

    nlohmann::json toJson() const;
    /// Reads a brief; problems get paths below `path`.
    static Brief fromJson(const nlohmann::json &json, const QString &path, FieldProblems *problems);

    bool operator==(const Brief &) const = default;
};

} // namespace diy
