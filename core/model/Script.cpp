#include "model/Script.h"

#include "model/JsonReader.h"
#include "model/ScriptValidator.h"
#include "model/UserText.h"

#include <QRegularExpression>

#include <nlohmann/json.hpp>

namespace diy {

using nlohmann::json;

namespace {

json sectionJson(const Script::Section &s)
{
    return json{{"narration", toStd(s.narration)}, {"image_prompt", toStd(s.imagePrompt)}};
}

Script::Section sectionFrom(const json &j)
{
    return {toQString(j.at("narration").get<std::string>()), toQString(j.at("image_prompt").get<std::string>())};
}

int countWords(const QString &text)
{
    static const QRegularExpression splitter(QStringLiteral("\\s+"));
    return int(text.split(splitter, Qt::SkipEmptyParts).size());
}

} // namespace

void Script::renumberSteps()
{
    for (int i = 0; i < steps.size(); ++i)
        steps[i].stepNumber = i + 1;
}

int Script::spokenWordCount() const
{
    int words = countWords(intro.narration) + countWords(completion.narration);
    for (const Step &s : steps)
        words += countWords(s.narration);
    for (const Material &m : materials)
        words += countWords(m.name) + 1;
    return words + 6; // the materials scene's lead-in sentence
}

json Script::toJson() const
{
    json mats = json::array();
    for (const Material &m : materials)
        mats.push_back(json{{"name", toStd(m.name)}, {"image_prompt", toStd(m.imagePrompt)}});
    json st = json::array();
    for (const Step &s : steps)
        st.push_back(json{{"step_number", s.stepNumber},
                          {"title", toStd(s.title)},
                          {"narration", toStd(s.narration)},
                          {"image_prompt", toStd(s.imagePrompt)}});
    return json{{"title", toStd(title)}, {"intro", sectionJson(intro)},           {"materials", mats},
                {"steps", st},           {"completion", sectionJson(completion)}, {"thumbnail_prompt", toStd(thumbnailPrompt)}};
}

FieldProblems Script::validate() const
{
    FieldProblems problems = ScriptValidator::validate(toJson());
    for (int i = 0; i < steps.size(); ++i) {
        if (steps[i].stepNumber != i + 1)
            problems.append({QStringLiteral("/steps/%1/step_number").arg(i),
                             QStringLiteral("Step numbers must run 1, 2, 3… in order (expected %1).").arg(i + 1)});
    }
    return problems;
}

Result<Script> Script::fromJson(const json &j, const QString &path, FieldProblems *problemsOut)
{
    FieldProblems problems = ScriptValidator::validate(j, path);
    if (problems.isEmpty() && j.contains("steps")) {
        const json &steps = j.at("steps");
        for (std::size_t i = 0; i < steps.size(); ++i) {
            if (steps.at(i).at("step_number").get<int>() != int(i) + 1)
                problems.append({QStringLiteral("%1/steps/%2/step_number").arg(path).arg(i),
                                 QStringLiteral("Step numbers must run 1, 2, 3… in order (expected %1).").arg(i + 1)});
        }
    }
    if (!problems.isEmpty()) {
        if (problemsOut)
            problemsOut->append(problems);
        const QStringList lines = problemLines(problems);
        return Error::invalidInput(QStringLiteral("The script is not valid (%1 problem%2).")
                                       .arg(problems.size())
                                       .arg(problems.size() == 1 ? QString() : QStringLiteral("s")),
                                   lines.join(QLatin1Char('\n')));
    }
    Script s;
    s.title = toQString(j.at("title").get<std::string>());
    s.intro = sectionFrom(j.at("intro"));
    for (const json &m : j.at("materials"))
        s.materials.append({toQString(m.at("name").get<std::string>()), toQString(m.at("image_prompt").get<std::string>())});
    for (const json &st : j.at("steps"))
        s.steps.append({st.at("step_number").get<int>(), toQString(st.at("title").get<std::string>()),
                        toQString(st.at("narration").get<std::string>()), toQString(st.at("image_prompt").get<std::string>())});
    s.completion = sectionFrom(j.at("completion"));
    s.thumbnailPrompt = toQString(j.at("thumbnail_prompt").get<std::string>());
    return s;
}

} // namespace diy
