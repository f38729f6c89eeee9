// Opening a project in the studio (issue 10): the project shows at once; off the GUI thread the
// work files of killed renders are swept and every referenced picture is checked; a missing or
// unreadable picture is reported in the window's message naming the scene and the file, and
// nothing in the project is changed.
#include "ExampleProject.h"
#include "StudioFixture.h"
#include "common/InlineMessage.h"
#include "common/ProjectDocument.h"
#include "project/ProjectActions.h"
#include "store/ProjectStore.h"
#include "util/AtomicFile.h"
#include "util/BackgroundPool.h"

#include <QThreadPool>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace diy;
using namespace diy::ui;

namespace {

/// The pid of a process that has exited (and was reaped).
qint64 deadPid()
{
    QProcess p;
    p.start(QStringLiteral("true"), QStringList());
    if (!p.waitForStarted())
        return 0;
    const qint64 pid = p.processId();
    p.waitForFinished();
    return pid;
}

/// A tiny project (3 steps: Intro, Materials, Step 1..3, Completion) saved in `folder`.
Project saveTinyProject(const QString &folder, const std::function<void(Project &)> &change = {})
{
    Brief brief;
    brief.description = QStringLiteral("a tiny test tutorial");
    brief.expectedSteps = 3;
    Project project = Project::create(QStringLiteral("Tiny"), brief);
    project.script = test::minimalScript(3);
    project.syncSceneImages();
    if (change)
        change(project);
    if (!ProjectStore::save(project, folder).ok())
        qFatal("could not save the test project");
    return project;
}

SceneImage photo(const QString &file, const QString &originalName)
{
    SceneImage image;
    image.source = SceneImage::Source::File;
    image.file = file;
    image.originalName = originalName;
    return image;
}

} // namespace

class TestUiProjectOpen : public QObject {
    Q_OBJECT
private slots:
    void unusablePicturesAreNamedAndStalePartialsSwept()
    {
        test::StudioFixture f;
        const QString folder = f.root() + QStringLiteral("/with problems");
        saveTinyProject(folder, [](Project &p) {
            p.sceneImages[2] = photo(QStringLiteral("assets/images/garbled.png"), QStringLiteral("workbench.png"));
            p.sceneImages[3] = photo(QStringLiteral("assets/images/gone.jpg"), QStringLiteral("kite photo.jpg"));
        });
        // Scene 2 (Step 1): bytes that are no picture; scene 3 (Step 2): the file is missing.
        QVERIFY(AtomicFile::write(ProjectStore::imagesDir(folder) + QStringLiteral("/garbled.png"),
                                  QByteArray("this is not a picture at all"))
                    .ok());
        // Work files of a killed render (its pid is gone) and of a render still running (ours).
        const qint64 dead = deadPid();
        QVERIFY(dead > 0);
        const QString cache = ProjectStore::cacheDir(folder);
        const QString deadFile = cache + QStringLiteral("/segments/.s1.mp4.partial-%1-3").arg(dead);
        const QString deadFolder = cache + QStringLiteral("/narration/.n.wav.partial-%1-4.d").arg(dead);
        const QString liveFile = cache + QStringLiteral("/segments/.s2.mp4.partial-%1-5").arg(QCoreApplication::applicationPid());
        for (const QString &file : {deadFile, liveFile, QString(deadFolder + QStringLiteral("/phrase-000.wav"))})
            QVERIFY(AtomicFile::write(file, "x").ok());
        const QByteArray savedBytes = *AtomicFile::read(ProjectStore::projectFile(folder));

        ProjectActions *actions = f.window()->projectActions();
        QSignalSpy checked(actions, &ProjectActions::openCheckFinished);
        QVERIFY(f.window()->openProject(folder));
        // The project is open at once; the check reports later, from the event loop.
        QCOMPARE(f.window()->document()->folder(), folder);
        QCOMPARE(checked.count(), 0);
        QVERIFY(checked.wait(120000));
        QCOMPARE(checked.count(), 1);
        QCOMPARE(checked.first().at(0).toString(), folder);
        const auto problems = checked.first().at(1).value<FieldProblems>();
        QCOMPARE(problems.size(), 2);
        QCOMPARE(problems.at(0).path, QStringLiteral("/sceneImages/2/file"));
        QCOMPARE(problems.at(1).path, QStringLiteral("/sceneImages/3/file"));
        QCOMPARE(checked.first().at(2).toInt(), 2); // the dead file and the dead folder

        // The message names each scene, the creator's file name and what is wrong.
        auto *message = f.find<InlineMessage>(QStringLiteral("windowMessage"));
        QVERIFY(message->isVisible());
        QCOMPARE(message->level(), InlineMessage::Level::Warning);
        const QString text = message->text();
        QVERIFY2(text.contains(QStringLiteral("2 files of this project cannot be used")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Step 1 (workbench.png): assets/images/garbled.png is not an image")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Step 2 (kite photo.jpg): assets/images/gone.jpg is missing")), qPrintable(text));

        // Stale partials are gone, the running render's file stays.
        QVERIFY(!QFileInfo::exists(deadFile));
        QVERIFY(!QFileInfo::exists(deadFolder));
        QVERIFY(QFileInfo::exists(liveFile));

        // Nothing is lost: the pictures are still chosen, the file on disk is untouched.
        QVERIFY(!f.window()->document()->isModified());
        const Project &open = f.window()->document()->project();
        QCOMPARE(open.sceneImages.at(2).file, QStringLiteral("assets/images/garbled.png"));
        QCOMPARE(open.sceneImages.at(3).file, QStringLiteral("assets/images/gone.jpg"));
        QCOMPARE(*AtomicFile::read(ProjectStore::projectFile(folder)), savedBytes);
    }

    void aSoundProjectShowsNoWarning()
    {
        test::StudioFixture f;
        const QString folder = f.root() + QStringLiteral("/sound");
        saveTinyProject(folder);
        QSignalSpy checked(f.window()->projectActions(), &ProjectActions::openCheckFinished);
        QVERIFY(f.window()->openProject(folder));
        QVERIFY(checked.wait(120000));
        QVERIFY(checked.first().at(1).value<FieldProblems>().isEmpty());
        QCOMPARE(checked.first().at(2).toInt(), 0);
        QVERIFY(!f.find<InlineMessage>(QStringLiteral("windowMessage"))->isVisible());
    }

    void aCheckOfAProjectNoLongerOpenIsDropped()
    {
        // Open a broken project, then at once a sound one: the first check's result must not
        // land on the second project's window.
        test::StudioFixture f;
        const QString broken = f.root() + QStringLiteral("/broken");
        saveTinyProject(broken, [](Project &p) {
            p.sceneImages[3] = photo(QStringLiteral("assets/images/gone.jpg"), QStringLiteral("kite photo.jpg"));
        });
        const QString sound = f.root() + QStringLiteral("/sound");
        saveTinyProject(sound);
        QSignalSpy checked(f.window()->projectActions(), &ProjectActions::openCheckFinished);
        QVERIFY(f.window()->openProject(broken));
        QVERIFY(f.window()->openProject(sound));
        QVERIFY(checked.wait(120000));
        // Both checks have run to their end (the pool is idle) and their results were delivered.
        QVERIFY(BackgroundPool::instance()->waitForDone(120000));
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QCOMPARE(checked.count(), 1);
        QCOMPARE(checked.first().at(0).toString(), sound);
        QVERIFY(!f.find<InlineMessage>(QStringLiteral("windowMessage"))->isVisible());
    }
};

QTEST_MAIN(TestUiProjectOpen)
#include "tst_ui_project_open.moc"
