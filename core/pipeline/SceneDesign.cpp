#include "pipeline/SceneDesign.h"

#include <QRegularExpression>

namespace diy {

CardContent SceneDesign::cardContent(const Scene &scene, const Brief &brief, const QString &scriptTitle)
{
    CardContent c;
    const QString badge = brief.contentMode == Brief::ContentMode::Kid ? QStringLiteral("For kids") : QString();
    switch (scene.kind) {
    case Scene::Kind::Intro:
        c.kind = CardContent::Kind::Title;
        c.title = scene.title;
        c.body = brief.hostCharacter.isEmpty() ? QStringLiteral("A step-by-step DIY tutorial")
                                               : QStringLiteral("A DIY tutorial with %1").arg(brief.hostCharacter);
        c.badge = badge;
        break;
    case Scene::Kind::Materials:
        c.kind = CardContent::Kind::Materials;
        c.title = scene.title;
        c.checklist = scene.checklist;
        break;
    case Scene::Kind::Step:
        c.kind = CardContent::Kind::Step;
        c.title = scene.title;
        c.body = keyLine(scene.narration);
        c.stepNumber = scene.stepNumber;
        c.stepCount = scene.stepCount;
        break;
    case Scene::Kind::Completion:
        c.kind = CardContent::Kind::Completion;
        c.title = QStringLiteral("You did it!");
        c.body = scriptTitle;
        c.badge = badge;
        break;
    }
    return c;
}

PhotoFrameComposer::Overlay SceneDesign::photoOverlay(const Scene &scene)
{
    PhotoFrameComposer::Overlay overlay;
    overlay.stepNumber = scene.stepNumber;
    overlay.stepCount = scene.stepCount;
    overlay.title = scene.kind == Scene::Kind::Intro || scene.kind == Scene::Kind::Step ? scene.title : QString();
    overlay.checklist = scene.checklist;
    return overlay;
}

CaptionStyle SceneDesign::captionStyle(const Brief &brief)
{
    CaptionStyle s;
    if (brief.captionStyle == QStringLiteral("classic")) {
        s.box = false;
        s.outlineWidth = 5;
        s.fontSize = 62;
    } else if (brief.captionStyle == QStringLiteral("playful")) {
        s.box = false;
        s.primary = QColor(0xFF, 0xE1, 0x4D);
        s.outline = QColor(0x3A, 0x1F, 0x5C);
        s.outlineWidth = 6;
        s.fontSize = 70;
    } else { // bold
        s.box = true;
        s.outlineWidth = 3;
        s.fontSize = 64;
    }
    if (brief.captionPosition == QStringLiteral("top"))
        s.position = CaptionStyle::Position::Top;
    else if (brief.captionPosition == QStringLiteral("center"))
        s.position = CaptionStyle::Position::Center;
    else
        s.position = CaptionStyle::Position::Bottom;
    return s;
}

int SceneDesign::narrationPitch(const Brief &brief)
{
    return brief.contentMode == Brief::ContentMode::Kid ? 55 : 45;
}

QString SceneDesign::keyLine(const QString &narration, int maxChars)
{
    static const QRegularExpression sentenceEnd(QStringLiteral("(?<=[.!?])\\s"));
    QString first = narration.section(sentenceEnd, 0, 0).trimmed();
    if (first.isEmpty())
        first = narration.trimmed();
    if (first.size() > maxChars) {
        first = first.left(maxChars);
        const int space = int(first.lastIndexOf(QLatin1Char(' ')));
        if (space > maxChars / 2)
            first = first.left(space);
        first += QStringLiteral("…");
    }
    return first;
}

} // namespace diy
