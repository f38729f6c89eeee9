#include "model/Brief.h"

#include <QRegularExpression>

#include "model/JsonReader.h"
#include "model/UserText.h"
#include "store/ProjectFiles.h"

#include <nlohmann/json.hpp>

namespace diy {

using nlohmann::json;

QString Brief::contentModeId(ContentMode mode)
{
    return mode == ContentMode::Kid ? QStringLiteral("kid") : QStringLiteral("adult");
}

QStringList Brief::captionStyles()
{
    return {QStringLiteral("bold"), QStringLiteral("classic"), QStringLiteral("playful")};
}

QStringList Brief::captionPositions()
{
    return {QStringLiteral("bottom"), QStringLiteral("center"), QStringLiteral("top")};
}

FieldProblems Brief::validate() const
{
    FieldProblems problems;
    const QString trimmed = description.trimmed();
    if (const QString why = UserText::controlCharacterProblem(description); !why.isEmpty())
        problems.append({QStringLiteral("/description"), QStringLiteral("The description %1.").arg(why)});
    else if (trimmed.isEmpty())
        problems.append({QStringLiteral("/description"), QStringLiteral("Describe what the video should teach.")});
    else if (trimmed.size() < kDescriptionMin)
        problems.append({QStringLiteral("/description"),
                         QStringLiteral("The description is too short: write at least %1 characters.").arg(kDescriptionMin)});
    else if (trimmed.size() > kDescriptionMax)
        problems.append(
            {QStringLiteral("/description"),
             QStringLiteral("The description is too long: %1 characters; at most %2.").arg(trimmed.size()).arg(kDescriptionMax)});
    if (targetDurationSeconds < kDurationMin || targetDurationSeconds > kDurationMax)
        problems.append({QStringLiteral("/targetDurationSeconds"),
                         QStringLiteral("Target duration must be %1–%2 seconds.").arg(kDurationMin).arg(kDurationMax)});
    if (expectedSteps < kStepsMin || expectedSteps > kStepsMax)
        problems.append(
            {QStringLiteral("/expectedSteps"), QStringLiteral("Expected steps must be %1–%2.").arg(kStepsMin).arg(kStepsMax)});
    if (const QString why = UserText::controlCharacterProblem(hostCharacter, false); !why.isEmpty())
        problems.append({QStringLiteral("/hostCharacter"), QStringLiteral("The host character %1.").arg(why)});
    else if (hostCharacter.size() > 80)
        problems.append({QStringLiteral("/hostCharacter"), QStringLiteral("Host character: at most 80 characters.")});
    if (language.trimmed().size() < 2 || language.trimmed().size() > 40)
        problems.append({QStringLiteral("/language"),
                         QStringLiteral("Language: a name or code of 2–40 characters (\"English\", \"de-DE\").")});
    if (voice.trimmed().isEmpty())
        problems.append({QStringLiteral("/voice"), QStringLiteral("Choose a voice.")});
    if (speechRate < kRateMin || speechRate > kRateMax)
        problems.append({QStringLiteral("/speechRate"),
                         QStringLiteral("Speech rate must be %1–%2 words per minute.").arg(kRateMin).arg(kRateMax)});
    if (!captionStyles().contains(captionStyle))
        problems.append({QStringLiteral("/captionStyle"), QStringLiteral("Unknown caption style \"%1\".").arg(captionStyle)});
    if (!captionPositions().contains(captionPosition))
        problems.append({QStringLiteral("/captionPosition"), QStringLiteral("Caption position must be bottom, center or top.")});
    if (!musicFile.isEmpty())
        if (const QString why = ProjectFiles::pathProblem(musicFile); !why.isEmpty())
            problems.append({QStringLiteral("/musicFile"),
                             QStringLiteral("The music file %1; choose it with Browse… to copy it into the project.").arg(why)});
    if (musicVolume < 0.0 || musicVolume > 1.0)
        problems.append({QStringLiteral("/musicVolume"), QStringLiteral("Music volume must be 0–1.")});
    return problems;
}

json Brief::toJson() const
{
    return json{
        {"description", toStd(description)},
        {"contentMode", toStd(contentModeId(contentMode))},
        {"targetDurationSeconds", targetDurationSeconds},
        {"expectedSteps", expectedSteps},
        {"hostCharacter", toStd(hostCharacter)},
        {"format", toStd(format.id())},
        {"language", toStd(language)},
        {"voice", toStd(voice)},
        {"speechRate", speechRate},
        {"captionStyle", toStd(captionStyle)},
        {"captionPosition", toStd(captionPosition)},
        {"musicFile", toStd(musicFile)},
        {"musicVolume", musicVolume},
    };
}

Brief Brief::fromJson(const json &j, const QString &path, FieldProblems *problems)
{
    JsonReader r(problems);
    Brief b;
    if (!j.is_object()) {
        r.problem(path, QStringLiteral("must be an object"));
        return b;
    }
    b.description = r.string(j, path, "description", {}, true, 2000);
    const QString mode = r.oneOf(j, path, "contentMode", {QStringLiteral("kid"), QStringLiteral("adult")}, QStringLiteral("kid"));
    b.contentMode = mode == QStringLiteral("adult") ? ContentMode::Adult : ContentMode::Kid;
    b.targetDurationSeconds = r.integer(j, path, "targetDurationSeconds", 180, kDurationMin, kDurationMax);
    b.expectedSteps = r.integer(j, path, "expectedSteps", 5, kStepsMin, kStepsMax);
    b.hostCharacter = r.string(j, path, "hostCharacter", {}, false, 80);
    const QString formatId = r.string(j, path, "format", QStringLiteral("9:16"));
    if (!VideoFormat::fromId(formatId, &b.format))
        r.problem(JsonReader::child(path, QStringLiteral("format")),
                  QStringLiteral("must be 9:16, 16:9 or 1:1, not \"%1\"").arg(formatId));
    b.language = r.string(j, path, "language", QStringLiteral("English"), false, 40);
    b.voice = r.string(j, path, "voice", DefaultVoice::builtIn(), false, 100);
    b.speechRate = r.integer(j, path, "speechRate", 160, kRateMin, kRateMax, false);
    b.captionStyle = r.oneOf(j, path, "captionStyle", captionStyles(), QStringLiteral("bold"), false);
    b.captionPosition = r.oneOf(j, path, "captionPosition", captionPositions(), QStringLiteral("bottom"), false);
    b.musicFile = r.string(j, path, "musicFile", {}, false, 4096);
    b.musicVolume = r.number(j, path, "musicVolume", 0.15, 0.0, 1.0, false);
    return b;
}

QString Brief::suggestedProjectName(const QString &description)
{
    QString name = description.simplified();
    static const QRegularExpression lead(
        QStringLiteral("^(how to\\s+)?((make|build|craft|create|sew|draw)\\s+)?((an?|the|your own|my own)\\s+)?"),
        QRegularExpression::CaseInsensitiveOption);
    name.remove(lead);
    static const QRegularExpression unsafe(QStringLiteral("[/\\\\:*?\"<>|\\x00-\\x1f]"));
    name.replace(unsafe, QStringLiteral(" "));
    name = name.simplified();
    while (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name.size() > 60) {
        name.truncate(60);
        const qsizetype space = name.lastIndexOf(QLatin1Char(' '));
        if (space > 20)
            name.truncate(space);
    }
    if (name.isEmpty())
        return QStringLiteral("Untitled project");
    return name.at(0).toUpper() + name.mid(1);
}

} // namespace diy
