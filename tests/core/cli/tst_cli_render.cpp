// diy-studio-cli render as a user runs it: exit codes, messages, and a render killed with SIGKILL
// and resumed.
#include "TestPaths.h"
#include "TinyProject.h"
#include "pipeline/RenderPlan.h"
#include "store/ProjectStore.h"
#include "util/AtomicFile.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <csignal>

using namespace diy;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
           int timeoutMs = 120000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(test::cliPath(), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
}

/// An environment whose ffmpeg (DIY_FFMPEG) is a stand-in in `tools`: it runs the real ffmpeg,
/// except for a segment encode once `segmentsBefore` segments are finished, where it does
/// `action`: "block" (writes its pid to `gate` and waits to be killed) or "fail" (exits 1).
QProcessEnvironment gatedFfmpeg(const QTemporaryDir &tools, const QString &projectDir, const QString &gate,
                                const QByteArray &action, int segmentsBefore = 2)
{
    const QString wrapper = tools.filePath(QStringLiteral("ffmpeg"));
    QFile script(wrapper);
    if (!script.open(QIODevice::WriteOnly))
        return {};
    const QByteArray then = action == "block" ? QByteArrayLiteral("echo $$ > \"$GATE.tmp\" && mv \"$GATE.tmp\" \"$GATE\"; exec sleep 600")
                                              : QByteArrayLiteral("echo 'stand-in ffmpeg: encode refused' >&2; exit 1");
    script.write("#!/bin/sh\n"
                 "for a in \"$@\"; do case \"$a\" in \"$SEGMENTS\"/*) segment=1;; esac; done\n"
                 "if [ -n \"$segment\" ] && [ \"$(ls \"$SEGMENTS\" | grep -c '\\.mp4$')\" -ge \"$BEFORE\" ]; then\n  "
                 + then + "\nfi\n"
                 "exec \"$REAL_FFMPEG\" \"$@\"\n");
    script.close();
    script.setPermissions(script.permissions() | QFileDevice::ExeOwner);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DIY_FFMPEG"), wrapper);
    env.insert(QStringLiteral("REAL_FFMPEG"), QStandardPaths::findExecutable(QStringLiteral("ffmpeg")));
    env.insert(QStringLiteral("SEGMENTS"), ProjectStore::cacheDir(projectDir) + QStringLiteral("/segments"));
    env.insert(QStringLiteral("GATE"), gate);
    env.insert(QStringLiteral("BEFORE"), QString::number(segmentsBefore));
    return env;
}

/// The pid the blocked stand-in wrote, once it has; 0 otherwise.
pid_t gatePid(const QString &gate)
{
    QFile f(gate);
    return f.open(QIODevice::ReadOnly) ? pid_t(f.readAll().trimmed().toInt()) : 0;
}

/// width x height of the first video stream (ffprobe).
QSize videoSize(const QString &file)
{
    QProcess p;
    p.start(QStringLiteral("ffprobe"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
                                        QStringLiteral("v:0"), QStringLiteral("-show_entries"), QStringLiteral("stream=width,height"),
                                        QStringLiteral("-of"), QStringLiteral("csv=p=0"), file});
    p.waitForFinished(60000);
    const QList<QByteArray> parts = p.readAllStandardOutput().trimmed().split(',');
    return parts.size() == 2 ? QSize(parts[0].toInt(), parts[1].toInt()) : QSize();
}

} // namespace

class TestCliRender : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(test::cliPath()).isExecutable(), "DIY_CLI must point at diy-studio-cli");
    }

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
        QTest::newRow("missing ffmpeg") << "noffmpeg" << 4 << "apt-get install ffmpeg";
        QTest::newRow("unknown command") << "unknowncmd" << 2 << "Unknown command";
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
        } else if (kind == QStringLiteral("noffmpeg")) {
            test::makeTinyProject(dir.path());
            env.insert(QStringLiteral("DIY_FFMPEG"), QStringLiteral("/nonexistent/ffmpeg"));
        } else if (kind == QStringLiteral("unknowncmd")) {
            args = {QStringLiteral("rendr")};
        }
        const QByteArray before = AtomicFile::read(ProjectStore::projectFile(dir.path())).valueOr({});
        const Run r = runCli(args, env);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        // A failed run never rewrites the project file.
        QCOMPARE(AtomicFile::read(ProjectStore::projectFile(dir.path())).valueOr({}), before);
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
        const QProcessEnvironment env = gatedFfmpeg(tools, dir.path(), gate, "block");
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(test::cliPath(), args);
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(gate) || p.state() != QProcess::Running, 300000);
        QVERIFY2(QFileInfo::exists(gate), qPrintable(QString::fromUtf8(p.readAllStandardError())));
        QVERIFY(p.state() == QProcess::Running); // blocked on the third segment
        const pid_t blocked = gatePid(gate);
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

    void interruptedWithSigintExitsFiveThenResumesWithReuse()
    {
        QTemporaryDir dir;
        test::makeTinyProject(dir.path());
        const QStringList args{QStringLiteral("render"), dir.path(), QStringLiteral("--draft"), QStringLiteral("--jobs"),
                               QStringLiteral("1")};
        const QString gate = dir.filePath(QStringLiteral("gate.pid"));
        QTemporaryDir tools;
        QProcess p;
        p.setProcessEnvironment(gatedFfmpeg(tools, dir.path(), gate, "block"));
        p.start(test::cliPath(), args);
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(gate) || p.state() != QProcess::Running, 300000);
        QVERIFY2(QFileInfo::exists(gate), qPrintable(QString::fromUtf8(p.readAllStandardError())));
        const pid_t blocked = gatePid(gate);
        QVERIFY(blocked > 0);
        ::kill(pid_t(p.processId()), SIGINT); // Ctrl-C
        QVERIFY(p.waitForFinished(120000));
        ::kill(blocked, SIGKILL); // in case the cancel did not reach the stand-in
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 5);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("Cancelled")));

        // The same command resumes: what was finished is reused.
        const Run r = runCli(args + QStringList{QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto summary = nlohmann::json::parse(r.out.toStdString());
        QVERIFY2(summary.at("itemsReused").get<int>() >= 3 * 2, r.out.toUtf8().constData()); // 2 segments and their inputs
    }

    void failedEncodeExitsOne()
    {
        QTemporaryDir dir;
        test::makeTinyProject(dir.path());
        QTemporaryDir tools;
        const Run r = runCli({QStringLiteral("render"), dir.path(), QStringLiteral("--draft"), QStringLiteral("--no-checks")},
                             gatedFfmpeg(tools, dir.path(), dir.filePath(QStringLiteral("gate.pid")), "fail", 0));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("error:")), qPrintable(r.err)); // a failed render says why
        auto project = ProjectStore::load(dir.path());
        QVERIFY(project.ok());
        QVERIFY(!project->lastRender.has_value());
    }

    void everyFormatRendersAtItsSizeAndDraftIsHalfSizeWithItsOwnCache_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QSize>("full");
        QTest::newRow("9:16") << int(VideoFormat::Kind::Vertical) << QSize(1080, 1920);
        QTest::newRow("16:9") << int(VideoFormat::Kind::Landscape) << QSize(1920, 1080);
        QTest::newRow("1:1") << int(VideoFormat::Kind::Square) << QSize(1080, 1080);
    }
    void everyFormatRendersAtItsSizeAndDraftIsHalfSizeWithItsOwnCache()
    {
        QFETCH(int, kind);
        QFETCH(QSize, full);
        QTemporaryDir dir;
        Project project = test::makeTinyProject(dir.path());
        project.brief.format = VideoFormat(VideoFormat::Kind(kind));
        QVERIFY(ProjectStore::save(project, dir.path()).ok());
        QCOMPARE(project.brief.format.size(), full);

        const QString draftOut = dir.filePath(QStringLiteral("draft.mp4"));
        const Run draft = runCli({QStringLiteral("render"), dir.path(), QStringLiteral("--draft"), QStringLiteral("--no-checks"),
                                  QStringLiteral("--json"), QStringLiteral("-o"), draftOut});
        QVERIFY2(draft.exitCode == 0, qPrintable(draft.err));
        QCOMPARE(videoSize(draftOut), full / 2);
        if (VideoFormat::Kind(kind) != VideoFormat::Kind::Vertical)
            return; // one full-size render is enough to show the draft's cache is its own
        const QString fullOut = dir.filePath(QStringLiteral("full.mp4"));
        const Run big = runCli({QStringLiteral("render"), dir.path(), QStringLiteral("--no-checks"), QStringLiteral("--json"),
                                QStringLiteral("-o"), fullOut});
        QVERIFY2(big.exitCode == 0, qPrintable(big.err));
        QCOMPARE(videoSize(fullOut), full);
        // Nothing of the draft was taken for the full render (narration aside: it has no size).
        const auto bigSummary = nlohmann::json::parse(big.out.toStdString());
        QVERIFY2(bigSummary.at("itemsReused").get<int>() <= 6, big.out.toUtf8().constData());
        // ...and the draft's own cache is still there: a second draft reuses every item.
        const Run again = runCli({QStringLiteral("render"), dir.path(), QStringLiteral("--draft"), QStringLiteral("--no-checks"),
                                  QStringLiteral("--json"), QStringLiteral("-o"), draftOut});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        const auto againSummary = nlohmann::json::parse(again.out.toStdString());
        QVERIFY2(againSummary.at("itemsMade").get<int>() <= 1, again.out.toUtf8().constData()); // at most the merge
    }
};

QTEST_MAIN(TestCliRender) // RenderPlan measures caption text: needs QGuiApplication
#include "tst_cli_render.moc"
