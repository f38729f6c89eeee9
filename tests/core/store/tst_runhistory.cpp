// RunHistory: every run lands in the project the same way, from the studio or the CLI.
#include "TinyProject.h"
#include "store/ProjectStore.h"
#include "store/RunHistory.h"
#include "util/AtomicFile.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace diy;

namespace {

RunRecord run(const QString &outcome)
{
    RunRecord r;
    r.outcome = outcome;
    r.startedAt = QDateTime::currentDateTimeUtc().addSecs(-5);
    r.finishedAt = QDateTime::currentDateTimeUtc();
    r.seconds = 5;
    r.message = outcome == QStringLiteral("done") ? QString() : QStringLiteral("why");
    return r;
}

} // namespace

class TestRunHistory : public QObject {
    Q_OBJECT
private slots:
    void everyOutcomeIsRecorded()
    {
        Project p;
        RunHistory::record(p, run(QStringLiteral("failed")));
        RunHistory::record(p, run(QStringLiteral("cancelled")));
        QCOMPARE(p.runs.size(), 2);
        QVERIFY(!p.lastRender);
        RenderRecord render;
        render.output = QStringLiteral("renders/v.mp4");
        RunHistory::record(p, run(QStringLiteral("done")), render);
        QCOMPARE(p.runs.size(), 3);
        QCOMPARE(p.runs.last().outcome, QStringLiteral("done"));
        QCOMPARE(p.lastRender->output, QStringLiteral("renders/v.mp4"));
        // A later failure keeps the last good video.
        RunHistory::record(p, run(QStringLiteral("failed")));
        QCOMPARE(p.lastRender->output, QStringLiteral("renders/v.mp4"));
    }

    void inFolderKeepsEditsMadeMeanwhile()
    {
        QTemporaryDir dir;
        Project p = test::makeTinyProject(dir.path());
        // The studio renamed the project while the CLI rendered.
        p.name = QStringLiteral("Renamed meanwhile");
        QVERIFY(ProjectStore::save(p, dir.path()).ok());
        const RunRecord failed = run(QStringLiteral("failed"));
        QVERIFY(RunHistory::recordInFolder(dir.path(), failed).ok());
        const auto after = ProjectStore::load(dir.path());
        QVERIFY(after.ok());
        QCOMPARE(after->name, QStringLiteral("Renamed meanwhile"));
        QCOMPARE(after->runs.size(), 1);
        QCOMPARE(after->runs.first(), failed);
    }

    void unreadableProjectIsLeftAlone()
    {
        QTemporaryDir dir;
        QVERIFY(AtomicFile::write(ProjectStore::projectFile(dir.path()), "{\"schemaVersion\": 99}").ok());
        const Status s = RunHistory::recordInFolder(dir.path(), run(QStringLiteral("done")));
        QVERIFY(!s.ok());
        QCOMPARE(AtomicFile::read(ProjectStore::projectFile(dir.path())).valueOr({}), QByteArray("{\"schemaVersion\": 99}"));
    }
};

QTEST_MAIN(TestRunHistory) // makeTinyProject measures caption text
#include "tst_runhistory.moc"
