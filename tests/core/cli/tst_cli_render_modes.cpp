// diy-studio-cli render in the modes the README promises: Ctrl-C (exit 5) and a resume that reuses
// finished work, a failed encode (exit 1), every video format at its size, and --draft at half
// size with a cache of its own. A stand-in ffmpeg (tests/support/FfmpegStandIn) makes "still
// running" and "the encode fails" events instead of guesses about the machine's speed.
#include "CliRun.h"
#include "FfmpegStandIn.h"
#include "TestPaths.h"
#include "TinyProject.h"
#include "pipeline/RenderPlan.h"
#include "store/ProjectStore.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <csignal>

using namespace diy;
using test::CliRun;
using test::FfmpegStandIn;

namespace {

/// width x height of the first video stream (ffprobe).
QSize videoSize(const QString &file)
{
    QProcess p;
    p.start(QStringLiteral("ffprobe"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"), QStringLiteral("v:0"),
             QStringLiteral("-show_entries"), QStringLiteral("stream=width,height"), QStringLiteral("-of"),
             QStringLiteral("csv=p=0"), file});
    p.waitForFinished(60000);
    const QList<QByteArray> parts = p.readAllStandardOutput().trimmed().split(',');
    return parts.size() == 2 ? QSize(parts[0].toInt(), parts[1].toInt()) : QSize();
}

} // namespace

class TestCliRenderModes : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(QFileInfo(test::cliPath()).isExecutable(), "DIY_CLI must point at diy-studio-cli"); }

    void interruptedWithSigintExitsFiveThenResumesWithReuse()
    {
        QTemporaryDir dir;
        test::makeTinyProject(dir.path());
        const QStringList args{QStringLiteral("render"), dir.path(), QStringLiteral("--draft"), QStringLiteral("--jobs"),
                               QStringLiteral("1")};
        const QString gate = dir.filePath(QStringLiteral("gate.pid"));
        QTemporaryDir tools;
        QProcess p;
        p.setProcessEnvironment(FfmpegStandIn::environment(tools, dir.path(), gate, FfmpegStandIn::Action::Block));
        p.start(test::cliPath(), args);
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(gate) || p.state() != QProcess::Running, 300000);
        QVERIFY2(QFileInfo::exists(gate), qPrintable(QString::fromUtf8(p.readAllStandardError())));
        const pid_t blocked = FfmpegStandIn::blockedPid(gate);
        QVERIFY(blocked > 0);
        ::kill(pid_t(p.processId()), SIGINT); // Ctrl-C
        QVERIFY(p.waitForFinished(300000));
        ::kill(blocked, SIGKILL); // in case the cancel did not reach the stand-in
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 5);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("Cancelled")));

        // The same command resumes: what was finished is reused.
        const CliRun r = CliRun::run(args + QStringList{QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto summary = nlohmann::json::parse(r.out.toStdString());
        QVERIFY2(summary.at("itemsReused").get<int>() >= 3 * 2, r.out.toUtf8().constData()); // 2 segments and their inputs
    }

    void failedEncodeExitsOne()
    {
        QTemporaryDir dir;
        test::makeTinyProject(dir.path());
        QTemporaryDir tools;
        const CliRun r =
            CliRun::run({QStringLiteral("render"), dir.path(), QStringLiteral("--draft"), QStringLiteral("--no-checks")},
                        FfmpegStandIn::environment(tools, dir.path(), dir.filePath(QStringLiteral("gate.pid")),
                                                   FfmpegStandIn::Action::Fail, 0));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("error:")), qPrintable(r.err)); // a failed render says why
        auto project = ProjectStore::load(dir.path());
        QVERIFY(project.ok());
        QVERIFY(!project->lastRender.has_value());
    }

    void everyFormatRendersAndDraftIsHalfSizeWithItsOwnCache_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QSize>("full");
        QTest::newRow("9:16") << int(VideoFormat::Kind::Vertical) << QSize(1080, 1920);
        QTest::newRow("16:9") << int(VideoFormat::Kind::Landscape) << QSize(1920, 1080);
        QTest::newRow("1:1") << int(VideoFormat::Kind::Square) << QSize(1080, 1080);
    }
    void everyFormatRendersAndDraftIsHalfSizeWithItsOwnCache()
    {
        QFETCH(int, kind);
        QFETCH(QSize, full);
        QTemporaryDir dir;
        Project project = test::makeTinyProject(dir.path());
        project.brief.format = VideoFormat(VideoFormat::Kind(kind));
        QVERIFY(ProjectStore::save(project, dir.path()).ok());
        QCOMPARE(project.brief.format.size(), full);

        const QString draftOut = dir.filePath(QStringLiteral("draft.mp4"));
        const CliRun draft = CliRun::run({QStringLiteral("render"), dir.path(), QStringLiteral("--draft"),
                                          QStringLiteral("--no-checks"), QStringLiteral("-o"), draftOut});
        QVERIFY2(draft.exitCode == 0, qPrintable(draft.err));
        QCOMPARE(videoSize(draftOut), full / 2);
        // The draft's items are cached under the draft size only: the full-size plan still has
        // every segment to make, the draft plan none.
        const RenderPlan draftPlan = RenderPlan::make(project, dir.path(), full / 2);
        const RenderPlan fullPlan = RenderPlan::make(project, dir.path());
        QCOMPARE(draftPlan.pendingItems(RenderStage::Segments), 0);
        QCOMPARE(fullPlan.pendingItems(RenderStage::Segments), fullPlan.totalItems(RenderStage::Segments));
        QVERIFY(fullPlan.totalItems(RenderStage::Segments) > 0);
        QCOMPARE(fullPlan.pendingItems(RenderStage::Frames), fullPlan.totalItems(RenderStage::Frames));
        // ...and a second draft makes nothing new.
        const CliRun again = CliRun::run({QStringLiteral("render"), dir.path(), QStringLiteral("--draft"),
                                          QStringLiteral("--no-checks"), QStringLiteral("--json"), QStringLiteral("-o"), draftOut});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        const auto summary = nlohmann::json::parse(again.out.toStdString());
        QVERIFY2(summary.at("itemsMade").get<int>() <= 1, again.out.toUtf8().constData()); // at most the merge
    }
};

QTEST_MAIN(TestCliRenderModes) // RenderPlan measures caption text: needs QGuiApplication
#include "tst_cli_render_modes.moc"
