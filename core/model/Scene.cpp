#include "model/Scene.h"

namespace diy {

namespace {

QString joinNaturally(const QStringList &items)
{
    if (items.isEmpty())
        return {};
    if (items.size() == 1)
        return items.first();
    return items.mid(0, items.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(", and ") + items.last();
}

} // namespace

QList<Scene> Scene::fromScript(const Script &script)
{
    QList<Scene> scenes;
    Scene intro;
    intro.kind = Kind::Intro;
    intro.key = QStringLiteral("intro");
    intro.title = script.title;
    intro.narration = script.intro.narration;
    intro.imagePrompt = script.intro.imagePrompt;
    scenes.append(intro);

    Scene materials;
    materials.kind = Kind::Materials;
    materials.key = QStringLiteral("materials");
    materials.title = QStringLiteral("What you need");
    QStringList names;
    QStringList prompts;
    for (const Script::Material &m : script.materials) {
        names.append(m.name);
        prompts.append(m.imagePrompt);
    }
    materials.checklist = names;
    materials.narration = QStringLiteral("Here is what you need: %1.").arg(joinNaturally(names));
    materials.imagePrompt = prompts.join(QStringLiteral("; "));
    scenes.append(materials);

    for (const Script::Step &s : script.steps) {
        Scene step;
        step.kind = Kind::Step;
        step.stepNumber = s.stepNumber;
        step.stepCount = int(script.steps.size());
        step.key = QStringLiteral("step-%1").arg(s.stepNumber);
        step.title = s.title;
        step.narration = s.narration;
        step.imagePrompt = s.imagePrompt;
        scenes.append(step);
    }

    Scene completion;
    completion.kind = Kind::Completion;
    completion.key = QStringLiteral("completion");
    completion.title = script.title;
    completion.narration = script.completion.narration;
    completion.imagePrompt = script.completion.imagePrompt;
    scenes.append(completion);
    return scenes;
}

QString Scene::kindId(Kind kind)
{
    switch (kind) {
    case Kind::Intro: return QStringLiteral("intro");
    case Kind::Materials: return QStringLiteral("materials");
    case Kind::Step: return QStringLiteral("step");
    case Kind::Completion: return QStringLiteral("completion");
    }
    return {};
}

QString Scene::displayName() const
{
    switch (kind) {
    case Kind::Intro: return QStringLiteral("Intro");
    case Kind::Materials: return QStringLiteral("Materials");
    case Kind::Step: return QStringLiteral("Step %1").arg(stepNumber);
    case Kind::Completion: return QStringLiteral("Completion");
    }
    return {};
}

} // namespace diy
