#include "ExampleProject.h"
#include "model/Brief.h"
#include "model/JsonReader.h"
#include "model/Project.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using namespace diy;
using nlohmann::json;

class TestProject : public QObject {
    Q_OBJECT
private slots:
    void roundTripKeepsEverything()
    {
        Project p = Project::create(QStringLiteral("Round trip ✈ عربى"), Brief{});
        p.brief.description = QStringLiteral("how to fold a paper crane: step by step \"quotes\" 100%");
        p.brief.format = VideoFormat(VideoFormat::Kind::Square);
        p.script = test::minimalScript(3);
        p.syncSceneImages();
        p.sceneImages[2] = {SceneImage::Source::File, QStringLiteral("assets/images/abc.png"), QStringLiteral("ff"),
                            QStringLiteral("me.png"), true};
        p.episodeId = QStringLiteral("0192f0c0-0000-7000-8000-000000000000");
        InferenceRecord rec;
        rec.functionName = QStringLiteral("script_generator");
        rec.inferenceId = QStringLiteral("i1");
        rec.episodeId = p.episodeId;
        rec.variantName = QStringLiteral("creative");
        rec.inputTokens = 10;
        rec.outputTokens = 20;
        rec.costUsd = 0.01;
        rec.finishedAt = QDateTime::fromString(QStringLiteral("2026-01-01T00:00:00.000Z"), Qt::ISODateWithMs);
        p.inferences.append(rec);
        InferenceRecord origin = rec;
        origin.model = QStringLiteral("claude-sonnet-4-20250514");
        origin.costSource = QStringLiteral("gateway");
        origin.durationMs = 12345;
        p.scriptOrigin = origin;
        p.brief.language = QStringLiteral("de-DE");
        p.feedback.vote = QStringLiteral("up");
        p.feedback.outboxIds = {QStringLiteral("fb1")};
        RunRecord run;
        run.outcome = QStringLiteral("done");
        run.seconds = 12.5;
        run.stageSeconds[QStringLiteral("segments")] = 8.0;
        run.startedAt = QDateTime::fromString(QStringLiteral("2026-01-01T00:00:00.000Z"), Qt::ISODateWithMs);
        run.finishedAt = run.startedAt.addSecs(12);
        p.runs.append(run);
        p.lastRender = RenderRecord{QStringLiteral("renders/final.mp4"), QStringLiteral("h"), 1000,
                                    QStringLiteral("renders/report.json"), run.finishedAt};
        p.createdAt = run.startedAt;
        p.modifiedAt = run.startedAt;

        FieldProblems problems;
        const Project back = Project::fromJson(json::parse(p.toJson().dump()), &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).path + QStringLiteral(": ") + problems.value(0).message));
        QCOMPARE(back, p);
    }

    void olderFilesWithoutTheNewFieldsStillLoad()
    {
        // scriptOrigin, the record's model/cost_source and the brief's language came after format 1
        // shipped: a file without them loads with defaults.
        json doc = test::exampleProject().toJson();
        doc.erase("scriptOrigin");
        doc["brief"].erase("language");
        FieldProblems problems;
        const Project back = Project::fromJson(doc, &problems);
        QVERIFY(problems.isEmpty());
        QVERIFY(!back.scriptOrigin.has_value());
        QCOMPARE(back.brief.language, QStringLiteral("English"));
        doc["scriptOrigin"] = {{"function_name", "script_generator"}};
        Project::fromJson(doc, &problems);
        QCOMPARE(problems.value(0).path, QStringLiteral("/scriptOrigin"));
    }

    void brokenDocuments_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("replacement");
        QTest::addColumn<QString>("expectedPath");
        QTest::newRow("steps out of range") << "/brief/expectedSteps"
                                            << "12"
                                            << "/brief/expectedSteps";
        QTest::newRow("duration as string") << "/brief/targetDurationSeconds"
                                            << "\"long\""
                                            << "/brief/targetDurationSeconds";
        QTest::newRow("unknown mode") << "/brief/contentMode"
                                      << "\"teen\""
                                      << "/brief/contentMode";
        QTest::newRow("bad format") << "/brief/format"
                                    << "\"4:3\""
                                    << "/brief/format";
        QTest::newRow("brief not object") << "/brief"
                                          << "[]"
                                          << "/brief";
        QTest::newRow("script step broken") << "/script/steps/1/title"
                                            << "7"
                                            << "/script/steps/1/title";
        QTest::newRow("image escapes folder") << "/sceneImages"
                                              << "[{\"source\":\"file\",\"file\":\"../../etc/passwd\"}]"
                                              << "/sceneImages/0/file";
        QTest::newRow("bad image source") << "/sceneImages"
                                          << "[{\"source\":\"magic\"}]"
                                          << "/sceneImages/0/source";
        QTest::newRow("bad date") << "/createdAt"
                                  << "\"yesterday\""
                                  << "/createdAt";
        QTest::newRow("missing id") << "/id"
                                    << "<delete>"
                                    << "/id";
        QTest::newRow("no schemaVersion") << "/schemaVersion"
                                          << "<delete>"
                                          << "/schemaVersion";
        QTest::newRow("schemaVersion string") << "/schemaVersion"
                                              << "\"1\""
                                              << "/schemaVersion";
    }
    void brokenDocuments()
    {
        QFETCH(QString, pointer);
        QFETCH(QString, replacement);
        QFETCH(QString, expectedPath);
        json doc = test::exampleProject().toJson();
        const json::json_pointer ptr(toStd(pointer));
        if (replacement == QStringLiteral("<delete>"))
            doc.at(ptr.parent_pointer()).erase(ptr.back());
        else
            doc[ptr] = json::parse(toStd(replacement));
        FieldProblems problems;
        Project::fromJson(doc, &problems);
        QStringList paths;
        for (const auto &p : problems)
            paths << p.path;
        QVERIFY2(paths.contains(expectedPath), qPrintable(paths.join(QStringLiteral(", "))));
    }

    void newerSchemaIsRefusedWithClearMessage()
    {
        json doc = test::exampleProject().toJson();
        doc["schemaVersion"] = Project::kSchemaVersion + 1;
        FieldProblems problems;
        Project::fromJson(doc, &problems);
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems[0].message.contains(QStringLiteral("newer DIY Video Studio")));
    }

    void stepEditsKeepImagesWithTheirScenes()
    {
        Project p = Project::create(QStringLiteral("x"), Brief{});
        p.script = test::minimalScript(3);
        p.syncSceneImages();
        QCOMPARE(p.sceneImages.size(), 6);
        p.sceneImages[2].file = QStringLiteral("assets/images/one.png");
        p.sceneImages[2].source = SceneImage::Source::File;
        p.moveStep(0, 2);
        QCOMPARE(p.script->steps[2].title, QStringLiteral("Step title 1"));
        QCOMPARE(p.sceneImages[4].file, QStringLiteral("assets/images/one.png"));
        QCOMPARE(p.script->steps[2].stepNumber, 3);
        p.insertStep(0, {0, QStringLiteral("New first"), QStringLiteral("A brand new first step to do."),
                         QStringLiteral("new step image")});
        QCOMPARE(p.sceneImages.size(), 7);
        QCOMPARE(p.sceneImages[5].file, QStringLiteral("assets/images/one.png"));
        QCOMPARE(p.script->steps[0].stepNumber, 1);
        p.removeStep(3);
        QCOMPARE(p.sceneImages.size(), 6);
        QVERIFY(p.script->validate().isEmpty());
        p.moveSceneImage(0, 5);
        QCOMPARE(p.sceneImages.size(), 6);
    }

    void briefValidation_data()
    {
        QTest::addColumn<QString>("description");
        QTest::addColumn<int>("duration");
        QTest::addColumn<int>("steps");
        QTest::addColumn<QString>("expectedPath");
        QTest::newRow("empty") << "" << 180 << 5 << "/description";
        QTest::newRow("spaces only") << "    " << 180 << 5 << "/description";
        QTest::newRow("too short") << "kite" << 180 << 5 << "/description";
        QTest::newRow("huge") << QString(5000, QLatin1Char('x')) << 180 << 5 << "/description";
        QTest::newRow("too short video") << "paper boats" << 30 << 5 << "/targetDurationSeconds";
        QTest::newRow("too many steps") << "paper boats" << 180 << 9 << "/expectedSteps";
        QTest::newRow("valid") << "paper boats that float" << 180 << 5 << "";
    }
    void briefValidation()
    {
        QFETCH(QString, description);
        QFETCH(int, duration);
        QFETCH(int, steps);
        QFETCH(QString, expectedPath);
        Brief b;
        b.description = description;
        b.targetDurationSeconds = duration;
        b.expectedSteps = steps;
        const FieldProblems problems = b.validate();
        if (expectedPath.isEmpty()) {
            QVERIFY(problems.isEmpty());
        } else {
            QCOMPARE(problems.size(), 1);
            QCOMPARE(problems[0].path, expectedPath);
        }
    }

    void ratingsBelongToTheirRender()
    {
        Project p = test::exampleProject();
        p.recordRender(RenderRecord{QStringLiteral("renders/a.mp4"), QStringLiteral("a"), 1000, {}, {}});
        p.feedback.vote = QStringLiteral("down");
        p.evaluations.push_back(nlohmann::json{{"kind", "judge"}, {"score", 6.0}, {"renderHash", "a"}});
        QVERIFY(p.currentJudgement());
        p.recordRender(RenderRecord{QStringLiteral("renders/b.mp4"), QStringLiteral("b"), 1000, {}, {}});
        QVERIFY(p.feedback.vote.isEmpty());
        QCOMPARE(p.feedbackHistory.size(), 1);
        QVERIFY(!p.currentJudgement()); // the review of "a" is history now
        QCOMPARE(p.evaluations.size(), std::size_t(1));

        // A project saved before ratings carried a hash: its rating is about its last video.
        nlohmann::json legacy = p.toJson();
        legacy["feedback"].erase("renderHash");
        legacy["feedback"]["vote"] = "up";
        FieldProblems problems;
        const Project read = Project::fromJson(legacy, &problems);
        QVERIFY(problems.isEmpty());
        QCOMPARE(read.feedback.renderHash, QStringLiteral("b"));
        QCOMPARE(read.feedback.vote, QStringLiteral("up"));
    }
};

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
