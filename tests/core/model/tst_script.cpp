#include "ExampleProject.h"
#include "model/JsonReader.h"
#include "model/Scene.h"
#include "model/Script.h"
#include "model/ScriptPlaceholders.h"
#include "model/ScriptValidator.h"
#include "model/UserText.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using namespace diy;
using nlohmann::json;

class TestScript : public QObject {
    Q_OBJECT
private slots:
    void exampleScriptIsValid()
    {
        const Project p = test::exampleProject();
        QVERIFY(p.script.has_value());
        QVERIFY2(p.script->validate().isEmpty(), "example script must satisfy the schema");
        QCOMPARE(p.script->steps.size(), 5);
        QCOMPARE(p.script->materials.size(), 4);
    }

    void roundTrip()
    {
        const Script s = test::minimalScript(4);
        auto back = Script::fromJson(s.toJson());
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().detail));
        QCOMPARE(*back, s);
    }

    void invalidScripts_data()
    {
        QTest::addColumn<QString>("pointer");     // where to change the good document
        QTest::addColumn<QString>("replacement"); // JSON text, or "<delete>"
        QTest::addColumn<QString>("expectedPath");

        QTest::newRow("missing title") << "/title"
                                       << "<delete>"
                                       << "/";
        QTest::newRow("title too short") << "/title"
                                         << "\"Hi\""
                                         << "/title";
        QTest::newRow("title not string") << "/title"
                                          << "42"
                                          << "/title";
        QTest::newRow("unknown top field") << "/extra"
                                           << "\"x\""
                                           << "/";
        QTest::newRow("too few materials") << "/materials"
                                           << "[{\"name\":\"Paper\",\"image_prompt\":\"a sheet of paper\"}]"
                                           << "/materials";
        QTest::newRow("material extra field") << "/materials/1/colour"
                                              << "\"red\""
                                              << "/materials/1";
        QTest::newRow("too many steps") << "/steps"
                                        << "<nine steps>"
                                        << "/steps";
        QTest::newRow("step number zero") << "/steps/0/step_number"
                                          << "0"
                                          << "/steps/0/step_number";
        QTest::newRow("step number float") << "/steps/0/step_number"
                                           << "1.5"
                                           << "/steps/0/step_number";
        QTest::newRow("narration too short") << "/steps/2/narration"
                                             << "\"Fold.\""
                                             << "/steps/2/narration";
        QTest::newRow("narration too long") << "/intro/narration"
                                            << "<long>"
                                            << "/intro/narration";
        QTest::newRow("completion missing prompt") << "/completion/image_prompt"
                                                   << "<delete>"
                                                   << "/completion";
        QTest::newRow("steps out of order") << "/steps/1/step_number"
                                            << "3"
                                            << "/steps/1/step_number";
    }
    void invalidScripts()
    {
        QFETCH(QString, pointer);
        QFETCH(QString, replacement);
        QFETCH(QString, expectedPath);
        json doc = test::minimalScript(4).toJson();
        const json::json_pointer ptr(toStd(pointer));
        if (replacement == QStringLiteral("<delete>")) {
            doc.at(ptr.parent_pointer()).erase(ptr.back());
        } else if (replacement == QStringLiteral("<nine steps>")) {
            json steps = json::array();
            for (int i = 1; i <= 9; ++i)
                steps.push_back(json{{"step_number", i},
                                     {"title", "A step"},
                                     {"narration", "Narration that is long enough."},
                                     {"image_prompt", "an image of it"}});
            doc[ptr] = steps;
        } else if (replacement == QStringLiteral("<long>")) {
            doc[ptr] = std::string(1300, 'a');
        } else {
            doc[ptr] = json::parse(toStd(replacement));
        }
        FieldProblems problems;
        auto result = Script::fromJson(doc, {}, &problems);
        QVERIFY(!result.ok());
        QVERIFY(!problems.isEmpty());
        QStringList paths;
        for (const auto &p : problems)
            paths << p.path;
        QVERIFY2(paths.contains(expectedPath),
                 qPrintable(paths.join(QStringLiteral(", ")) + QStringLiteral(" | ") + result.error().detail));
        QVERIFY(!result.error().message.isEmpty());
    }

    void everyProblemIsReported()
    {
        json doc = test::minimalScript(3).toJson();
        doc["title"] = "x";
        doc["steps"][0]["title"] = "";
        doc["completion"]["narration"] = 5;
        FieldProblems problems;
        QVERIFY(!Script::fromJson(doc, QStringLiteral("/script"), &problems).ok());
        QStringList paths;
        for (const auto &p : problems)
            paths << p.path;
        QVERIFY(paths.contains(QStringLiteral("/script/title")));
        QVERIFY(paths.contains(QStringLiteral("/script/steps/0/title")));
        QVERIFY(paths.contains(QStringLiteral("/script/completion/narration")));
    }

    void plainWordMessages_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("replacement");
        QTest::addColumn<QString>("expectedPath");
        QTest::addColumn<QString>("expectedMessage");
        QTest::newRow("too many materials") << "/materials"
                                            << "<materials 11>"
                                            << "/materials"
                                            << "A video can list at most 10 materials (this script has 11).";
        QTest::newRow("too few steps") << "/steps"
                                       << "[]"
                                       << "/steps"
                                       << "A video needs at least 3 steps (this script has 0).";
        QTest::newRow("empty step narration") << "/steps/2/narration"
                                              << "\"\""
                                              << "/steps/2/narration"
                                              << "Step 3 narration is empty: write at least 20 characters.";
        QTest::newRow("short title") << "/title"
                                     << "\"Hi\""
                                     << "/title"
                                     << "The title is too short: write at least 5 characters (it has 2).";
        QTest::newRow("missing closing") << "/completion"
                                         << "<delete>"
                                         << "/"
                                         << "The closing is missing.";
        QTest::newRow("number as text") << "/materials/0/name"
                                        << "7"
                                        << "/materials/0/name"
                                        << "Material 1 name should be text.";
        QTest::newRow("unknown field") << "/intro/mood"
                                       << "\"happy\""
                                       << "/intro"
                                       << "The intro has a field the script format does not know (\"mood\").";
    }
    void plainWordMessages()
    {
        QFETCH(QString, pointer);
        QFETCH(QString, replacement);
        QFETCH(QString, expectedPath);
        QFETCH(QString, expectedMessage);
        json doc = test::minimalScript(4).toJson();
        const json::json_pointer ptr(toStd(pointer));
        if (replacement == QStringLiteral("<delete>")) {
            doc.at(ptr.parent_pointer()).erase(ptr.back());
        } else if (replacement == QStringLiteral("<materials 11>")) {
            json list = json::array();
            for (int i = 1; i <= 11; ++i)
                list.push_back(json{{"name", "Thing " + std::to_string(i)}, {"image_prompt", "a thing on a table"}});
            doc[ptr] = list;
        } else {
            doc[ptr] = json::parse(toStd(replacement));
        }
        const FieldProblems problems = ScriptValidator::validate(doc);
        QStringList lines = problemLines(problems);
        QVERIFY2(problems.contains(FieldProblem{expectedPath, expectedMessage}), qPrintable(lines.join(QLatin1Char('\n'))));
    }

    void limitsComeFromTheSchema()
    {
        const auto limits = ScriptValidator::limits();
        const json &schema = ScriptValidator::schema();
        QCOMPARE(limits.materialsMax, schema.at("properties").at("materials").at("maxItems").get<int>());
        QCOMPARE(limits.materialsMin, 3);
        QCOMPARE(limits.materialsMax, 10);
        QCOMPARE(limits.stepsMin, 3);
        QCOMPARE(limits.stepsMax, 8);
        QCOMPARE(ScriptValidator::minLength(QStringLiteral("/steps/4/narration")), 20);
        QCOMPARE(ScriptValidator::maxLength(QStringLiteral("/materials/0/name")), 80);
        QCOMPARE(ScriptValidator::fieldLabel(QStringLiteral("/steps/2/image_prompt")),
                 QStringLiteral("Step 3 picture description"));
    }

    void placeholdersBlockTheRender()
    {
        Project p = test::exampleProject();
        QVERIFY2(p.renderBlockers().isEmpty(), qPrintable(problemLines(p.renderBlockers()).join(QLatin1Char('\n'))));

        p.script = ScriptPlaceholders::blank(4);
        QVERIFY2(p.script->validate().isEmpty(), "a blank script satisfies the schema: only the placeholders block it");
        const FieldProblems blockers = p.renderBlockers();
        QStringList paths;
        for (const FieldProblem &b : blockers)
            paths << b.path;
        for (const char *path : {"/script/title", "/script/intro/narration", "/script/steps/0/title", "/script/steps/3/narration",
                                 "/script/materials/2/name", "/script/completion/narration"})
            QVERIFY2(paths.contains(QString::fromLatin1(path)), path);
        QVERIFY(blockers.first().message.contains(QStringLiteral("example text")));

        // The wording of earlier versions is caught too (projects made before the change).
        p = test::exampleProject();
        p.script->steps[1].narration = QStringLiteral("  Describe what to do in this step. ");
        QCOMPARE(p.renderBlockers().size(), 1);
        QCOMPARE(p.renderBlockers().first().path, QStringLiteral("/script/steps/1/narration"));
        QVERIFY(p.renderBlockers().first().message.startsWith(QStringLiteral("Step 2 narration")));

        // A schema problem blocks too, and so does having no script.
        p = test::exampleProject();
        for (int i = 0; i < 8; ++i)
            p.script->materials.append(ScriptPlaceholders::newMaterial());
        QVERIFY(problemLines(p.renderBlockers()).join(QLatin1Char('\n')).contains(QStringLiteral("at most 10 materials")));
        p.script.reset();
        QCOMPARE(p.renderBlockers().size(), 1);
        QCOMPARE(p.renderBlockers().first().path, QStringLiteral("/script"));
    }

    void schemaIsTheTemplatesFile()
    {
        QFile file(QStringLiteral(DIY_SOURCE_DIR_FOR_TESTS "/templates/script_output_schema.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(ScriptValidator::schema(), json::parse(file.readAll().toStdString()));
        QCOMPARE(ScriptValidator::schema().at("additionalProperties").get<bool>(), false);
    }

    void scenesInOrder()
    {
        const Script s = test::minimalScript(3);
        const QList<Scene> scenes = Scene::fromScript(s);
        QCOMPARE(scenes.size(), 6);
        QCOMPARE(scenes[0].key, QStringLiteral("intro"));
        QCOMPARE(scenes[1].key, QStringLiteral("materials"));
        QCOMPARE(scenes[1].checklist, (QStringList{QStringLiteral("Paper"), QStringLiteral("Scissors"), QStringLiteral("Glue")}));
        QCOMPARE(scenes[1].narration, QStringLiteral("Here is what you need: Paper, Scissors, and Glue."));
        QCOMPARE(scenes[2].key, QStringLiteral("step-1"));
        QCOMPARE(scenes[4].stepNumber, 3);
        QCOMPARE(scenes[4].stepCount, 3);
        QCOMPARE(scenes[5].key, QStringLiteral("completion"));
    }

    void renumberAfterMove()
    {
        Script s = test::minimalScript(4);
        s.steps.move(0, 3);
        QVERIFY(!s.validate().isEmpty());
        s.renumberSteps();
        QVERIFY(s.validate().isEmpty());
        QCOMPARE(s.steps[3].title, QStringLiteral("Step title 1"));
        QCOMPARE(s.steps[3].stepNumber, 4);
    }

    // --- issue 10: control characters are named, not misreported as "too short" ---
    void controlCharactersAreNamed_data()
    {
        QTest::addColumn<QString>("narration");
        QTest::addColumn<QString>("mentions");
        QString nul = QStringLiteral("Fold the sheet in half along its long edge, then crease it firmly flat.");
        nul.insert(10, QChar(0));
        QTest::newRow("NUL in 70 characters") << nul << QStringLiteral("U+0000, NUL) at position 11");
        QString esc = QStringLiteral("Fold the sheet in half along its long edge, then crease it firmly flat.");
        esc.insert(5, QChar(0x1b));
        QTest::newRow("escape") << esc << QStringLiteral("U+001b, escape");
    }
    void controlCharactersAreNamed()
    {
        QFETCH(QString, narration);
        QFETCH(QString, mentions);
        nlohmann::json doc = test::exampleProject().script->toJson();
        doc["steps"][0]["narration"] = toStd(narration);
        FieldProblems problems;
        QVERIFY(!Script::fromJson(doc, {}, &problems).ok());
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().path, QStringLiteral("/steps/0/narration"));
        QVERIFY2(problems.first().message.contains(mentions), qPrintable(problems.first().message));
        QVERIFY(!problems.first().message.contains(QStringLiteral("fewer than")));
        // Line breaks and tabs are fine in narration.
        doc["steps"][0]["narration"] = "Fold the sheet in half along its long edge,\n\tthen crease it firmly.";
        QVERIFY(Script::fromJson(doc, {}).ok());
        // The brief names them too.
        Brief brief = test::exampleProject().brief;
        brief.description = QStringLiteral("paper") + QChar(0) + QStringLiteral(" planes that fly far");
        QVERIFY(brief.validate().first().message.contains(QStringLiteral("NUL")));
        QCOMPARE(UserText::withoutControlCharacters(brief.description), QStringLiteral("paper planes that fly far"));
    }

    void deepScriptIsRefusedBeforeTheSchema()
    {
        nlohmann::json deep = 1;
        for (int i = 0; i < 100000; ++i)
            deep = nlohmann::json::array({std::move(deep)});
        nlohmann::json doc = test::exampleProject().script->toJson();
        doc["title"] = std::move(deep);
        const FieldProblems problems = ScriptValidator::validate(doc);
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().message.contains(QStringLiteral("nested too deeply")));
    }
};

QTEST_GUILESS_MAIN(TestScript)
#include "tst_script.moc"
