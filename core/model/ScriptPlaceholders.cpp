#include "model/ScriptPlaceholders.h"

#include "model/ScriptValidator.h"

#include <QRegularExpression>

namespace diy {

namespace {

// The narration and title texts a blank script, a new step or a new material starts with. Keep the
// older wordings in the list: projects made by earlier versions still hold them.
const QString kIntro = QStringLiteral("Say hello and tell the viewer what we are making today.");
const QString kStepNarration = QStringLiteral("Describe what to do in this step.");
const QString kCompletion = QStringLiteral("Show the finished result and say goodbye.");
const QString kTitle = QStringLiteral("My tutorial");
const QString kNewStepTitle = QStringLiteral("New step");
const QString kNewMaterial = QStringLiteral("New material");

const QStringList &fixedPlaceholders()
{
    static const QStringList list = {
        kIntro,
        kStepNarration,
        kCompletion,
        kTitle,
        kNewStepTitle,
        kNewMaterial,
        QStringLiteral("Hello! Today we are making something together."), // before 0.2
        QStringLiteral("All done! Great work, see you next time."),       // before 0.2
    };
    return list;
}

QString normalized(const QString &text)
{
    return text.simplified();
}

} // namespace

Script ScriptPlaceholders::blank(int steps)
{
    Script s;
    s.title = kTitle;
    s.intro = {kIntro, QStringLiteral("a finished craft on a table")};
    for (int i = 1; i <= 3; ++i)
        s.materials.append({QStringLiteral("Material %1").arg(i), QStringLiteral("a material on a table")});
    for (int i = 1; i <= steps; ++i)
        s.steps.append(newStep(i));
    s.completion = {kCompletion, QStringLiteral("the finished craft")};
    s.thumbnailPrompt = QStringLiteral("a bright thumbnail of the finished craft");
    return s;
}

Script::Step ScriptPlaceholders::newStep(int stepNumber)
{
    return {stepNumber, QStringLiteral("Step %1").arg(stepNumber), kStepNarration, QStringLiteral("a close-up of this step")};
}

Script::Material ScriptPlaceholders::newMaterial()
{
    return {kNewMaterial, QStringLiteral("a new material on a table")};
}

bool ScriptPlaceholders::isPlaceholder(const QString &text)
{
    const QString t = normalized(text);
    if (fixedPlaceholders().contains(t))
        return true;
    static const QRegularExpression numbered(QStringLiteral("^(Step|Material) \\d+$"));
    return numbered.match(t).hasMatch();
}

FieldProblems ScriptPlaceholders::unfilled(const Script &script)
{
    FieldProblems problems;
    auto check = [&](const QString &path, const QString &text, const QString &what) {
        if (isPlaceholder(text))
            problems.append({path, QStringLiteral("%1 still has the example text \"%2\": %3")
                                       .arg(ScriptValidator::fieldLabel(path), normalized(text), what)});
    };
    check(QStringLiteral("/title"), script.title, QStringLiteral("give the video its title."));
    check(QStringLiteral("/intro/narration"), script.intro.narration, QStringLiteral("write what the host says first."));
    for (int i = 0; i < script.materials.size(); ++i)
        check(QStringLiteral("/materials/%1/name").arg(i), script.materials[i].name, QStringLiteral("name the material."));
    for (int i = 0; i < script.steps.size(); ++i) {
        check(QStringLiteral("/steps/%1/title").arg(i), script.steps[i].title, QStringLiteral("give the step a short headline."));
        check(QStringLiteral("/steps/%1/narration").arg(i), script.steps[i].narration,
              QStringLiteral("write what to do in this step."));
    }
    check(QStringLiteral("/completion/narration"), script.completion.narration, QStringLiteral("write the closing words."));
    return problems;
}

} // namespace diy
