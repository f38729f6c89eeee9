#include "ExampleProject.h"
#include "store/ProjectStore.h"
#include "util/AtomicFile.h"

#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

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
};

QTEST_MAIN(TestProjectStore)
#include "tst_projectstore.moc"
