// SceneDesign: the one mapping from the creator's choices (brief, scene) to the engine's inputs.
#include "pipeline/SceneDesign.h"

#include <QtTest>

using namespace diy;

namespace {

Scene scene(Scene::Kind kind, const QString &title, const QString &narration = {})
{
    Scene s;
    s.kind = kind;
    s.title = title;
    s.narration = narration;
    return s;
}

Brief brief(Brief::ContentMode mode, const QString &host = {})
{
    Brief b;
    b.contentMode = mode;
    b.hostCharacter = host;
    return b;
}

} // namespace

Q_DECLARE_METATYPE(diy::CardContent::Kind)
Q_DECLARE_METATYPE(diy::CaptionStyle::Position)

class TestSceneDesign : public QObject {
    Q_OBJECT
private slots:
    void introCard_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("badge");
        QTest::newRow("kid, no host") << int(Brief::ContentMode::Kid) << QString() << "A step-by-step DIY tutorial"
                                      << "For kids";
        QTest::newRow("kid, host") << int(Brief::ContentMode::Kid) << "Captain Fold"
                                   << "A DIY tutorial with Captain Fold"
                                   << "For kids";
        QTest::newRow("adult") << int(Brief::ContentMode::Adult) << QString() << "A step-by-step DIY tutorial" << QString();
    }
    void introCard()
    {
        QFETCH(int, mode);
        QFETCH(QString, host);
        QFETCH(QString, body);
        QFETCH(QString, badge);
        const CardContent c = SceneDesign::cardContent(scene(Scene::Kind::Intro, QStringLiteral("Paper planes")),
                                                       brief(Brief::ContentMode(mode), host), QStringLiteral("Script title"));
        QVERIFY(c.kind == CardContent::Kind::Title);
        QCOMPARE(c.title, QStringLiteral("Paper planes"));
        QCOMPARE(c.body, body);
        QCOMPARE(c.badge, badge);
    }

    void materialsCardCarriesTheChecklist()
    {
        Scene s = scene(Scene::Kind::Materials, QStringLiteral("You need"));
        s.checklist = {QStringLiteral("Paper"), QStringLiteral("Ruler")};
        const CardContent c = SceneDesign::cardContent(s, brief(Brief::ContentMode::Kid), QString());
        QVERIFY(c.kind == CardContent::Kind::Materials);
        QCOMPARE(c.title, QStringLiteral("You need"));
        QCOMPARE(c.checklist, s.checklist);
        QVERIFY(c.badge.isEmpty());
    }

    void stepCardShowsNumberAndKeyLine()
    {
        Scene s = scene(Scene::Kind::Step, QStringLiteral("Fold the nose"),
                        QStringLiteral("Fold both corners to the centre. Press the crease flat."));
        s.stepNumber = 2;
        s.stepCount = 5;
        const CardContent c = SceneDesign::cardContent(s, brief(Brief::ContentMode::Kid), QString());
        QVERIFY(c.kind == CardContent::Kind::Step);
        QCOMPARE(c.stepNumber, 2);
        QCOMPARE(c.stepCount, 5);
        QCOMPARE(c.body, QStringLiteral("Fold both corners to the centre."));
    }

    void completionCardNamesTheScript()
    {
        const CardContent c = SceneDesign::cardContent(scene(Scene::Kind::Completion, QStringLiteral("ignored")),
                                                       brief(Brief::ContentMode::Adult), QStringLiteral("Planes that fly far"));
        QVERIFY(c.kind == CardContent::Kind::Completion);
        QCOMPARE(c.title, QStringLiteral("You did it!"));
        QCOMPARE(c.body, QStringLiteral("Planes that fly far"));
        QVERIFY(c.badge.isEmpty());
    }

    void captionStyle_data()
    {
        QTest::addColumn<QString>("style");
        QTest::addColumn<QString>("position");
        QTest::addColumn<bool>("box");
        QTest::addColumn<int>("fontSize");
        QTest::addColumn<int>("outline");
        QTest::addColumn<QColor>("primary");
        QTest::addColumn<diy::CaptionStyle::Position>("expectedPosition");
        QTest::newRow("bold bottom") << "bold"
                                     << "bottom" << true << 64 << 3 << QColor(Qt::white) << CaptionStyle::Position::Bottom;
        QTest::newRow("classic top") << "classic"
                                     << "top" << false << 62 << 5 << QColor(Qt::white) << CaptionStyle::Position::Top;
        QTest::newRow("playful center") << "playful"
                                        << "center" << false << 70 << 6 << QColor(0xFF, 0xE1, 0x4D)
                                        << CaptionStyle::Position::Center;
        QTest::newRow("unknown style falls back to bold")
            << "neon"
            << "sideways" << true << 64 << 3 << QColor(Qt::white) << CaptionStyle::Position::Bottom;
    }
    void captionStyle()
    {
        QFETCH(QString, style);
        QFETCH(QString, position);
        QFETCH(bool, box);
        QFETCH(int, fontSize);
        QFETCH(int, outline);
        QFETCH(QColor, primary);
        QFETCH(diy::CaptionStyle::Position, expectedPosition);
        Brief b;
        b.captionStyle = style;
        b.captionPosition = position;
        const CaptionStyle s = SceneDesign::captionStyle(b);
        QCOMPARE(s.box, box);
        QCOMPARE(s.fontSize, fontSize);
        QCOMPARE(s.outlineWidth, outline);
        QCOMPARE(s.primary, primary);
        QVERIFY(s.position == expectedPosition);
    }

    void everyOfferedStyleIsDistinct()
    {
        // The cache key must tell the brief's caption styles apart, or a style change reuses old segments.
        QSet<QString> keys;
        for (const QString &style : Brief::captionStyles())
            for (const QString &position : Brief::captionPositions()) {
                Brief b;
                b.captionStyle = style;
                b.captionPosition = position;
                keys.insert(SceneDesign::captionStyle(b).cacheKey());
            }
        QCOMPARE(keys.size(), Brief::captionStyles().size() * Brief::captionPositions().size());
    }

    void narrationPitch()
    {
        QCOMPARE(SceneDesign::narrationPitch(brief(Brief::ContentMode::Kid)), 55);
        QCOMPARE(SceneDesign::narrationPitch(brief(Brief::ContentMode::Adult)), 45);
    }

    void keyLine_data()
    {
        QTest::addColumn<QString>("narration");
        QTest::addColumn<int>("maxChars");
        QTest::addColumn<QString>("expected");
        QTest::newRow("first sentence") << "Fold it. Then crease it!" << 140 << "Fold it.";
        QTest::newRow("question ends a sentence") << "Ready? Let's go." << 140 << "Ready?";
        QTest::newRow("no sentence end") << "  fold it in half  " << 140 << "fold it in half";
        QTest::newRow("abbreviation without space stays") << "Use 2.5 cm tape. Done." << 140 << "Use 2.5 cm tape.";
        QTest::newRow("long: cut at a word") << "one two three four five six" << 12 << "one two…";
        QTest::newRow("long: no useful space") << "abcdefghijklmnop qr" << 10 << "abcdefghij…";
        QTest::newRow("empty") << "" << 140 << "";
    }
    void keyLine()
    {
        QFETCH(QString, narration);
        QFETCH(int, maxChars);
        QFETCH(QString, expected);
        QCOMPARE(SceneDesign::keyLine(narration, maxChars), expected);
    }
};

QTEST_GUILESS_MAIN(TestSceneDesign)
#include "tst_scenedesign.moc"
