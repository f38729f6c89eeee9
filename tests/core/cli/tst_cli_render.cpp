// diy-studio-cli render as a user runs it: exit codes, messages, and a render killed with SIGKILL
// and resumed.
#include "CliRun.h"
#include "FfmpegStandIn.h"
#include "TestPaths.h"
#include "TinyProject.h"
#include "model/ScriptPlaceholders.h"
#include "pipeline/RenderPlan.h"
#include "store/ProjectStore.h"
#include "util/AtomicFile.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <csignal>

using namespace diy;

namespace {

using Run = test::CliRun;

Run runCli(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    return test::CliRun::run(args, env);
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestCliRender : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(QFileInfo(test::cliPath()).isExecutable(), "DIY_CLI must point at diy-studio-cli"); }

    void exitCodes_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no project") << "none" << 2 << "Which project";
        QTest::newRow("unknown option") << "badopt" << 2 << "Unknown option";
        QTest::newRow("bad jobs") << "badjobs" << 2 << "--jobs";
        QTest::newRow("missing folder") << "missing" << 3 << "does not exist";
        QTest::newRow("broken json") << "broken" << 3 << "not valid JSON";
        QTest::newRow("invalid field") << "invalid" << 3 << "/brief/expectedSteps";
        QTest::newRow("no script") << "noscript" << 3 << "no script";
        QTest::newRow("placeholder narration")
            << "placeholder" << 3 << "/script/steps/1/narration: Step 2 narration still has the example text";
        QTest::newRow("missing ffmpeg") << "noffmpeg" << 4 << "apt-get install ffmpeg";
        QTest::newRow("unknown command") << "unknowncmd" << 2 << "Unknown command";
        QTest::newRow("two folders") << "twofolders" << 2 << "Only one project folder";
        QTest::newRow("output without a name") << "nooutput" << 2 << "-o";
        QTest::newRow("jobs out of range") << "jobs99" << 2 << "from 1 to 64";
    }
    void exitCodes()
    {
        QFETCH(QString, kind);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        QStringList args{QStringLiteral("render"), dir.path()};
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (kind == QStringLiteral("none")) {
            args = {QStringLiteral("render")};
        } else if (kind == QStringLiteral("badopt")) {
            args << QStringLiteral("--frobnicate");
        } else if (kind == QStringLiteral("badjobs")) {
            args << QStringLiteral("--jobs") << QStringLiteral("zero");
        } else if (kind == QStringLiteral("missing")) {
            args = {QStringLiteral("render"), dir.filePath(QStringLiteral("nope"))};
        } else if (kind == QStringLiteral("broken")) {
            QVERIFY(AtomicFile::write(ProjectStore::projectFile(dir.path()), "{\"schemaVersion\":1,").ok());
        } else if (kind == QStringLiteral("invalid")) {
            test::makeTinyProject(dir.path());
            auto bytes = AtomicFile::read(ProjectStore::projectFile(dir.path()));
            auto doc = nlohmann::json::parse(bytes->toStdString());
            doc["brief"]["expectedSteps"] = 42;
            QVERIFY(AtomicFile::write(ProjectStore::projectFile(dir.path()), QByteArray::fromStdString(doc.dump())).ok());
        } else if (kind == QStringLiteral("noscript")) {
            Brief b;
            b.description = QStringLiteral("something to make");
            QVERIFY(ProjectStore::save(Project::create(QStringLiteral("x"), b), dir.path()).ok());
        } else if (kind == QStringLiteral("placeholder")) {
            test::makeTinyProject(dir.path());
            auto project = ProjectStore::load(dir.path());
            QVERIFY(project.ok());
            Project p = *project;
            p.script->steps[1] = ScriptPlaceholders::newStep(2);
            QVERIFY(ProjectStore::save(p, dir.path()).ok());
        } else if (kind == QStringLiteral("noffmpeg")) {
            test::makeTinyProject(dir.path());
            env.insert(QStringLiteral("DIY_FFMPEG"), QStringLiteral("/nonexistent/ffmpeg"));
        } else if (kind == QStringLiteral("unknowncmd")) {
            args = {QStringLiteral("rendr")};
        } else if (kind == QStringLiteral("twofolders")) {
            args << dir.path();
        } else if (kind == QStringLiteral("nooutput")) {
            args << QStringLiteral("-o");
        } else if (kind == QStringLiteral("jobs99")) {
            args << QStringLiteral("-j") << QStringLiteral("99");
        }
        const QByteArray before = AtomicFile::read(ProjectStore::projectFile(dir.path())).valueOr({});
        const Run r = runCli(args, env);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        if (kind == QStringLiteral("noffmpeg")) {
            // A run the pipeline started and failed is recorded, as the studio records it;
            // nothing else in the project changes.
            auto after = ProjectStore::load(dir.path());
            QVERIFY(after.ok());
            QCOMPARE(after->runs.size(), 1);
            QCOMPARE(after->runs[0].outcome, QStringLiteral("failed"));
            QVERIFY(after->runs[0].message.contains(QStringLiteral("ffmpeg")));
            QVERIFY(!after->lastRender.has_value());
            auto original = ProjectStore::parse(before, QStringLiteral("before"));
            QVERIFY(original.ok());
            Project withoutRun = *after;
            withoutRun.runs.clear();
            withoutRun.modifiedAt = original->modifiedAt;
            QCOMPARE(ProjectStore::serialize(withoutRun), ProjectStore::serialize(*original));
        } else {
            // A command line or project the pipeline never started on never rewrites the file.
            QCOMPARE(AtomicFile::read(ProjectStore::projectFile(dir.path())).valueOr({}), before);
        }
    }

    void jsonSummaryAndProjectRecord()
    {
        QTemporaryDir dir;
        test::makeTinyProject(dir.path());
        const QString out = dir.filePath(QStringLiteral("my video.mp4"));
        const Run r = runCli({QStringLiteral("render"), dir.path(), QStringLiteral("--draft"), QStringLiteral("--json"),
                              QStringLiteral("-o"), out, QStringLiteral("--jobs"), QStringLiteral("2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto summary = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(summary.at("scenes").get<int>(), 6);
        QVERIFY(summary.at("durationSeconds").get<double>() > 5.0);
        for (const char *stage : {"frames", "narration", "segments", "merge", "checks"})
            QVERIFY2(summary.at("stageSeconds").contains(stage), stage);
        QVERIFY(summary.at("checks").contains("video"));
        QCOMPARE(QString::fromStdString(summary.at("output").get<std::string>()), out);
        QVERIFY(QFileInfo(out).size() > 10000);
        auto project = ProjectStore::load(dir.path());
        QVERIFY(project.ok());
        QCOMPARE(project->runs.size(), 1);
        QCOMPARE(project->runs[0].outcome, QStringLiteral("done"));
        QVERIFY(project->lastRender.has_value());
        QVERIFY(QFileInfo::exists(dir.filePath(project->lastRender->output)));

        // Again, in plain text: everything is reused, and the summary reads the typed report.
        const Run again =
            runCli({QStringLiteral("render"), dir.path(), QStringLiteral("--draft"), QStringLiteral("-j"), QStringLiteral("2")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains(QStringLiteral("Done: ")), qPrintable(again.out));
        const int errors = summary.at("checks").at("errors").get<int>();
        const int warnings = summary.at("checks").at("warnings").get<int>();
        QVERIFY2(again.out.contains(QStringLiteral("checks: %1 error(s), %2 warning(s)").arg(errors).arg(warnings)),
                 qPrintable(again.out));
        QCOMPARE(ProjectStore::load(dir.path())->runs.size(), 2);
    }

    void helpVersionAndUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no command") << QStringList() << 2 << "Usage: diy-studio-cli <command>";
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << 0 << "gateway-check";
        QTest::newRow("--version") << QStringList{QStringLiteral("--version")} << 0 << "diy-studio-cli 0.";
        QTest::newRow("render --help") << QStringList{QStringLiteral("render"), QStringLiteral("--help")} << 0 << "--no-checks";
        QTest::newRow("feedback -h") << QStringList{QStringLiteral("feedback"), QStringLiteral("-h")} << 0 << "--folder DIR";
        QTest::newRow("--verbose anywhere") << QStringList{QStringLiteral("render"), QStringLiteral("--verbose"),
                                                           QStringLiteral("--help")}
                                            << 0 << "Usage: diy-studio-cli render";
        QTest::newRow("unknown global option") << QStringList{QStringLiteral("--frob")} << 2 << "Unknown option --frob";
        QTest::newRow("gateway-check bad timeout")
            << QStringList{QStringLiteral("gateway-check"), QStringLiteral("--timeout-ms"), QStringLiteral("soon")} << 2
            << "--timeout-ms";
        QTest::newRow("feedback unknown option")
            << QStringList{QStringLiteral("feedback"), QStringLiteral("list"), QStringLiteral("--fast")} << 2
            << "Unknown option --fast";
    }
    void helpVersionAndUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        const Run r = runCli(args);
        QCOMPARE(r.exitCode, exitCode);
        const QString all = r.out + r.err;
        QVERIFY2(all.contains(mentions), qPrintable(all));
    }

    void noChecksPrintsPlainSummary()
    {
        QTemporaryDir dir;
        test::makeTinyProject(dir.path());
        const Run r = runCli({QStringLiteral("render"), dir.path(), QStringLiteral("--draft"), QStringLiteral("--no-checks")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Done: ")));
        QVERIFY(!r.out.contains(QStringLiteral("checks:")));
    }

    void killedWithSigkillThenResumedReusesFinishedWork()
    {
        QTemporaryDir dir;
        test::makeTinyProject(dir.path());
        const QStringList args{QStringLiteral("render"), dir.path(), QStringLiteral("--jobs"), QStringLiteral("1")};

        // Start a full-size render whose third segment encode cannot finish: a stand-in ffmpeg
        // runs the real one, except for a segment once two are done, where it reports its pid and
        // waits to be killed. So the render is certainly still running when it is killed — an
        // event, not a guess about how fast the machine is.
        const QString segments = ProjectStore::cacheDir(dir.path()) + QStringLiteral("/segments");
        const QString gate = dir.filePath(QStringLiteral("gate.pid"));
        QTemporaryDir tools;
        const QProcessEnvironment env =
            test::FfmpegStandIn::environment(tools, dir.path(), gate, test::FfmpegStandIn::Action::Block);
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(test::cliPath(), args);
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(gate) || p.state() != QProcess::Running, 300000);
        QVERIFY2(QFileInfo::exists(gate), qPrintable(QString::fromUtf8(p.readAllStandardError())));
        QVERIFY(p.state() == QProcess::Running); // blocked on the third segment
        const pid_t blocked = test::FfmpegStandIn::blockedPid(gate);
        QVERIFY(blocked > 0);
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(10000));
        ::kill(blocked, SIGKILL); // the stand-in outlives its parent otherwise
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);

        // What the kill left: finished items under their final names, partial ones never.
        auto project = ProjectStore::load(dir.path());
        QVERIFY2(project.ok(), "the project file survives a kill");
        const RenderPlan plan = RenderPlan::make(*project, dir.path());
        const int segmentsDone = plan.totalItems(RenderStage::Segments) - plan.pendingItems(RenderStage::Segments);
        QVERIFY(segmentsDone >= 2);
        QVERIFY(plan.pendingItems(RenderStage::Segments) >= 1);
        for (const auto &scene : plan.scenes)
            if (scene.segmentDone)
                QVERIFY2(scene.frameDone && scene.narrationDone, "a finished segment's inputs are finished too");
        const QStringList finishedBefore = filesIn(segments);
        QHash<QString, QDateTime> stamps;
        for (const QString &f : finishedBefore)
            stamps[f] = QFileInfo(segments + QLatin1Char('/') + f).lastModified();

        // Resume: finished items are reused, the rest is made, and the result is complete.
        const Run r = runCli(args + QStringList{QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto summary = nlohmann::json::parse(r.out.toStdString());
        QVERIFY(summary.at("itemsReused").get<int>() >= 3 * segmentsDone); // frame, narration, segment each
        for (const QString &f : finishedBefore) {
            if (!f.endsWith(QStringLiteral(".mp4")))
                continue;
            QCOMPARE(QFileInfo(segments + QLatin1Char('/') + f).lastModified(), stamps[f]);
        }
        // No temporary leftovers are mistaken for results: every final-named segment is in the plan.
        const RenderPlan after = RenderPlan::make(*project, dir.path());
        QCOMPARE(after.pendingItems(RenderStage::Segments), 0);
        QVERIFY(after.upToDate());
    }
};

QTEST_MAIN(TestCliRender) // RenderPlan measures caption text: needs QGuiApplication
#include "tst_cli_render.moc"
