#include "ExampleProject.h"
#include "store/ProjectAssetCheck.h"
#include "store/ProjectFiles.h"
#include "store/ProjectStore.h"
#include "store/StalePartials.h"
#include "util/AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QProcess>

#include <QTemporaryDir>
#include <QtTest>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

using namespace diy;

class TestProjectStore : public QObject {
    Q_OBJECT
private slots:
    void saveAndLoad()
    {
        QTemporaryDir dir;
        Project p = test::exampleProject();
        p.name = QStringLiteral("Saved");
        QVERIFY(ProjectStore::save(p, dir.path()).ok());
        QVERIFY(QFileInfo(ProjectStore::assetsDir(dir.path())).isDir());
        auto back = ProjectStore::load(dir.path());
        QVERIFY(back.ok());
        QCOMPARE(*back, p);
        // no temporary files left behind
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("project.json")});
    }

    void brokenFileIsReportedAndUntouched_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << QByteArray("{ \"schemaVersion\": 1, ") << QStringLiteral("not valid JSON");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not valid JSON");
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10) << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("problem");
        QTest::newRow("newer") << QByteArray("{\"schemaVersion\": 99}") << QStringLiteral("newer DIY Video Studio");
    }
    void brokenFileIsReportedAndUntouched()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        QVERIFY(AtomicFile::write(ProjectStore::projectFile(dir.path()), content).ok());
        auto result = ProjectStore::load(dir.path());
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(mentions), qPrintable(result.error().message));
        QCOMPARE(*AtomicFile::read(ProjectStore::projectFile(dir.path())), content);
    }

    void newerFileIsNeverOverwritten()
    {
        // README: "A file saved by a newer studio is refused with a clear message and never overwritten."
        QTemporaryDir dir;
        const QByteArray newer = QByteArrayLiteral("{\"schemaVersion\": 99, \"somethingNew\": {\"kept\": true}}");
        QVERIFY(AtomicFile::write(ProjectStore::projectFile(dir.path()), newer).ok());
        Brief brief;
        brief.description = QStringLiteral("a paper boat");
        const Status saved = ProjectStore::save(Project::create(QStringLiteral("Older studio"), brief), dir.path());
        QVERIFY(!saved.ok());
        QVERIFY2(saved.error().message.contains(QStringLiteral("newer")), qPrintable(saved.error().message));
        QCOMPARE(*AtomicFile::read(ProjectStore::projectFile(dir.path())), newer);
    }

    void everyProblemHasItsPath()
    {
        QTemporaryDir dir;
        nlohmann::json doc = test::exampleProject().toJson();
        doc["brief"]["expectedSteps"] = 12;
        doc["script"]["steps"][1]["title"] = 7;
        doc["createdAt"] = "soon";
        const std::string text = doc.dump();
        QVERIFY(AtomicFile::write(ProjectStore::projectFile(dir.path()), QByteArray::fromStdString(text)).ok());
        FieldProblems problems;
        auto result = ProjectStore::load(dir.path(), &problems);
        QVERIFY(!result.ok());
        QCOMPARE(problems.size(), 3);
        QVERIFY(result.error().detail.contains(QStringLiteral("/brief/expectedSteps")));
        QVERIFY(result.error().detail.contains(QStringLiteral("/script/steps/1/title")));
        QVERIFY(result.error().detail.contains(QStringLiteral("/createdAt")));
    }

    void missingFolderAndFile()
    {
        QVERIFY(ProjectStore::load(QStringLiteral("/nonexistent/folder")).error().kind == Error::Kind::NotFound);
        QTemporaryDir dir;
        auto r = ProjectStore::load(dir.path());
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("no project.json")));
    }

    void importImageAcceptsImagesOnly()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("photo.png"));
        QImage img(200, 120, QImage::Format_RGB32);
        img.fill(Qt::darkCyan);
        QVERIFY(img.save(png));
        QString hash;
        auto rel = ProjectStore::importImage(dir.path(), png, &hash);
        QVERIFY2(rel.ok(), rel.ok() ? "" : qPrintable(rel.error().message));
        QVERIFY(rel->startsWith(QStringLiteral("assets/images/")));
        QCOMPARE(hash.size(), 64);
        QVERIFY(QFileInfo::exists(dir.filePath(*rel)));

        const QString text = dir.filePath(QStringLiteral("notes.png"));
        QVERIFY(AtomicFile::write(text, "these are not pixels").ok());
        auto bad = ProjectStore::importImage(dir.path(), text, nullptr);
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QStringLiteral("not an image")));

        // a truncated PNG: header is fine, pixels are missing
        auto bytes = AtomicFile::read(png);
        const QString truncated = dir.filePath(QStringLiteral("cut.png"));
        QVERIFY(AtomicFile::write(truncated, bytes->left(bytes->size() / 3)).ok());
        QVERIFY(!ProjectStore::importImage(dir.path(), truncated, nullptr).ok());
    }

    // --- issue 10: every file we read is untrusted ---

    void bigNumbersAndDeepNestingAreReportedNotFatal_data()
    {
        QTest::addColumn<QByteArray>("patch"); // replaces "__" in a valid document
        QTest::addColumn<QString>("mentions");
        QTest::newRow("1e309") << QByteArray("1e309") << QStringLiteral("outside the range");
        QTest::newRow("-1e999") << QByteArray("-1e999") << QStringLiteral("outside the range");
        QTest::newRow("1 and 400 zeros") << (QByteArray("1") + QByteArray(400, '0')) << QStringLiteral("outside the range");
        QTest::newRow("1e6 deep evaluations")
            << (QByteArray(1'000'000, '[') + QByteArray(1'000'000, ']')) << QStringLiteral("nested too deeply");
        QTest::newRow("1e5 deep evaluations")
            << (QByteArray(100'000, '[') + QByteArray(100'000, ']')) << QStringLiteral("nested too deeply");
    }
    void bigNumbersAndDeepNestingAreReportedNotFatal()
    {
        QFETCH(QByteArray, patch);
        QFETCH(QString, mentions);
        nlohmann::json doc = test::exampleProject().toJson();
        doc["evaluations"] = nlohmann::json::array({"__"});
        QByteArray text = QByteArray::fromStdString(doc.dump());
        text.replace("\"__\"", patch);
        FieldProblems problems;
        const auto result = ProjectStore::parse(text, QStringLiteral("project.json"), &problems);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(mentions), qPrintable(result.error().message));
        QCOMPARE(problems.size(), 1);
    }

    void freeJsonFieldsAreBounded()
    {
        nlohmann::json doc = test::exampleProject().toJson();
        nlohmann::json deep = 1;
        for (int i = 0; i < 40; ++i) // within the file's depth bound, beyond the evaluations bound
            deep = nlohmann::json::array({deep});
        doc["evaluations"] = nlohmann::json::array({deep});
        FieldProblems problems;
        QVERIFY(!ProjectStore::parse(QByteArray::fromStdString(doc.dump()), QStringLiteral("p"), &problems).ok());
        QCOMPARE(problems.first().path, QStringLiteral("/evaluations/0"));
        doc["evaluations"] = nlohmann::json::array({{{"text", std::string(1100 * 1024, 'a')}}});
        problems.clear();
        QVERIFY(!ProjectStore::parse(QByteArray::fromStdString(doc.dump()), QStringLiteral("p"), &problems).ok());
        QVERIFY(problems.first().message.contains(QStringLiteral("too large")));
        doc["evaluations"] = nlohmann::json::array({{{"score", 7}}});
        QVERIFY(ProjectStore::parse(QByteArray::fromStdString(doc.dump()), QStringLiteral("p")).ok());
    }

    void projectPathsFollowOneRule_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("parent") << QStringLiteral("../../../../etc/passwd") << QStringLiteral("inside the project folder");
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << QStringLiteral("inside the project folder");
        QTest::newRow("missing") << QStringLiteral("assets/music/none.mp3") << QStringLiteral("missing");
        QTest::newRow("link to /dev/zero") << QStringLiteral("assets/music/zero.mp3") << QStringLiteral("outside the project");
        QTest::newRow("link outside") << QStringLiteral("assets/music/passwd.mp3") << QStringLiteral("outside the project");
        QTest::newRow("fifo") << QStringLiteral("assets/music/fifo.mp3") << QStringLiteral("not a regular file");
        QTest::newRow("folder") << QStringLiteral("assets/music") << QStringLiteral("not a regular file");
        QTest::newRow("too large") << QStringLiteral("assets/music/big.mp3") << QStringLiteral("too large");
        QTest::newRow("nul") << QStringLiteral("assets/a\u0000b") << QStringLiteral("control character");
    }
    void projectPathsFollowOneRule()
    {
        QFETCH(QString, relative);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("assets/music"))));
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), dir.filePath(QStringLiteral("assets/music/zero.mp3"))));
        QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), dir.filePath(QStringLiteral("assets/music/passwd.mp3"))));
        QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("assets/music/fifo.mp3"))).constData(), 0600), 0);
        QFile big(dir.filePath(QStringLiteral("assets/music/big.mp3")));
        QVERIFY(big.open(QIODevice::WriteOnly) && big.resize(ProjectFiles::kMaxMusicBytes + 1)); // sparse
        big.close();
        const auto resolved = ProjectFiles::resolve(dir.path(), relative, ProjectFiles::kMaxMusicBytes);
        QVERIFY(!resolved.ok());
        QVERIFY2(resolved.error().message.contains(mentions), qPrintable(resolved.error().message));
        // A good file passes, as its canonical path.
        QVERIFY(AtomicFile::write(dir.filePath(QStringLiteral("assets/music/ok.mp3")), "ID3").ok());
        QCOMPARE(*ProjectFiles::resolve(dir.path(), QStringLiteral("assets/music/ok.mp3"), 10),
                 QFileInfo(dir.filePath(QStringLiteral("assets/music/ok.mp3"))).canonicalFilePath());
    }

    void everyAssetProblemIsListedAtLoad()
    {
        QTemporaryDir dir;
        Project p = test::exampleProject();
        p.syncSceneImages();
        QVERIFY(p.sceneImages.size() >= 3);
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("assets/images"))));
        QImage good(80, 80, QImage::Format_RGB32);
        good.fill(Qt::blue);
        QVERIFY(good.save(dir.filePath(QStringLiteral("assets/images/good.png"))));
        QVERIFY(AtomicFile::write(dir.filePath(QStringLiteral("assets/images/text.png")), "not an image at all").ok());
        QFile png(dir.filePath(QStringLiteral("assets/images/good.png")));
        QVERIFY(png.open(QIODevice::ReadOnly));
        QVERIFY(AtomicFile::write(dir.filePath(QStringLiteral("assets/images/cut.png")), png.read(60)).ok()); // truncated
        p.sceneImages[0] = {SceneImage::Source::File, QStringLiteral("assets/images/text.png"), {}, {}, false};
        p.sceneImages[1] = {SceneImage::Source::File, QStringLiteral("assets/images/cut.png"), {}, {}, false};
        p.sceneImages[2] = {SceneImage::Source::File, QStringLiteral("assets/images/good.png"), {}, {}, false};
        p.brief.musicFile = QStringLiteral("../../../../etc/passwd");
        QVERIFY(ProjectStore::save(p, dir.path()).ok());
        QVERIFY(ProjectStore::load(dir.path()).ok()); // the studio still opens it…
        FieldProblems problems;
        const auto loaded = ProjectStore::loadForRender(dir.path(), &problems); // …a render refuses
        QVERIFY(!loaded.ok());
        QStringList paths;
        for (const FieldProblem &f : problems)
            paths << f.path;
        QCOMPARE(paths, (QStringList{QStringLiteral("/sceneImages/0/file"), QStringLiteral("/sceneImages/1/file"),
                                     QStringLiteral("/brief/musicFile")}));
        QVERIFY(problems[0].message.contains(QStringLiteral("not an image")));
        QVERIFY(problems[1].message.contains(QStringLiteral("damaged")));
        QVERIFY(problems[2].message.contains(QStringLiteral("inside the project folder")));
        QVERIFY(loaded.error().message.contains(QStringLiteral("3 files")));
        // The first one as the creator knows it: the scene, then the file.
        QVERIFY2(loaded.error().message.contains(QStringLiteral("First: Intro: assets/images/text.png is not an image")),
                 qPrintable(loaded.error().message));
    }

    void assetProblemsNameTheScene_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("where");
        QTest::newRow("intro card position") << QStringLiteral("/sceneImages/0/file") << QStringLiteral("Intro");
        QTest::newRow("step with the creator's name")
            << QStringLiteral("/sceneImages/3/file") << QStringLiteral("Step 2 (kite photo.jpg)");
        QTest::newRow("music") << QStringLiteral("/brief/musicFile") << QStringLiteral("The background music");
        QTest::newRow("past the last scene") << QStringLiteral("/sceneImages/40/file") << QString();
        QTest::newRow("index too long") << QStringLiteral("/sceneImages/99999999999999999999/file") << QString();
        QTest::newRow("not a picture") << QStringLiteral("/brief/description") << QString();
        QTest::newRow("prefix only") << QStringLiteral("/sceneImages/1x/file") << QString();
    }

    void assetProblemsNameTheScene()
    {
        QFETCH(QString, path);
        QFETCH(QString, where);
        Project p = test::exampleProject();
        p.syncSceneImages();
        QVERIFY(p.sceneImages.size() > 3);
        p.sceneImages[3] = {
            SceneImage::Source::File, QStringLiteral("assets/images/a.jpg"), {}, QStringLiteral("kite photo.jpg"), false};
        QCOMPARE(ProjectAssetCheck::where(p, path), where);
        const QString described = ProjectAssetCheck::describe(p, {path, QStringLiteral("is missing.")});
        QCOMPARE(described, where.isEmpty() ? QStringLiteral("is missing.") : where + QStringLiteral(": is missing."));
    }

    void cliRenderListsEveryProblemAndSweepsPartials()
    {
        QTemporaryDir dir;
        Project p = test::exampleProject();
        p.brief.musicFile = QStringLiteral("/etc/passwd");
        p.syncSceneImages();
        p.sceneImages[1] = {SceneImage::Source::File, QStringLiteral("assets/images/gone.png"), {}, {}, false};
        QVERIFY(ProjectStore::save(p, dir.path()).ok());
        // Work files of a killed render: a dead process's partials go, a live one's stay.
        const qint64 dead = deadPid();
        const QString cache = ProjectStore::cacheDir(dir.path());
        const QString deadFile = cache + QStringLiteral("/segments/.s1.mp4.partial-%1-3").arg(dead);
        const QString deadList = ProjectStore::rendersDir(dir.path()) + QStringLiteral("/.v.mp4.partial-%1-7.ffconcat").arg(dead);
        const QString deadFolder = cache + QStringLiteral("/narration/.n.wav.partial-%1-2.d").arg(dead);
        const QString liveFile = cache + QStringLiteral("/segments/.s2.mp4.partial-%1-4").arg(QCoreApplication::applicationPid());
        for (const QString &f : {deadFile, deadList, liveFile, QString(deadFolder + QStringLiteral("/phonemes.txt"))})
            QVERIFY(AtomicFile::write(f, "x").ok());
        QProcess cli;
        cli.start(qEnvironmentVariable("DIY_CLI"), {QStringLiteral("render"), dir.path()});
        QVERIFY(cli.waitForFinished(120000));
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(cli.exitCode(), 3);
        QVERIFY2(err.contains(QStringLiteral("/sceneImages/1/file")) && err.contains(QStringLiteral("/brief/musicFile")),
                 qPrintable(err));
        QVERIFY(!QFileInfo::exists(deadFile));
        QVERIFY(!QFileInfo::exists(deadList));
        QVERIFY(!QFileInfo::exists(deadFolder));
        QVERIFY(QFileInfo::exists(liveFile));
    }

    void studioSweepKeepsLivePartials()
    {
        QTemporaryDir dir;
        const QString renders = ProjectStore::rendersDir(dir.path());
        const QString live = renders + QStringLiteral("/.v.mp4.partial-%1-1").arg(QCoreApplication::applicationPid());
        const QString unrelated = renders + QStringLiteral("/v.mp4");
        const QString dead = renders + QStringLiteral("/.v.mp4.partial-%1-1").arg(deadPid());
        for (const QString &f : {live, unrelated, dead})
            QVERIFY(AtomicFile::write(f, "x").ok());
        QCOMPARE(StalePartials::sweep(dir.path()), QStringList{dead});
        QVERIFY(QFileInfo::exists(live) && QFileInfo::exists(unrelated));
        QCOMPARE(StalePartials::ownerPid(QStringLiteral(".a.partial-12-3.ffconcat")), 12);
        QCOMPARE(StalePartials::ownerPid(QStringLiteral("a.partial-12-3")), 0);
    }

private:
    /// The pid of a process that has exited (and was reaped).
    static qint64 deadPid()
    {
        QProcess p;
        p.start(QStringLiteral("true"), QStringList());
        if (!p.waitForStarted())
            return 0;
        const qint64 pid = p.processId();
        p.waitForFinished();
        return pid;
    }
};

QTEST_MAIN(TestProjectStore)
#include "tst_projectstore.moc"
