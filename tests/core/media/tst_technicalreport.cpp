// TechnicalReport: the typed technical report, read from and written to its JSON file format.
#include "media/TechnicalReport.h"
#include "util/AtomicFile.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace diy;
using nlohmann::json;

namespace {

TechnicalReport sample()
{
    TechnicalReport r;
    r.merged.probe.durationMs = 5000;
    r.merged.probe.videoSize = QSize(1080, 1920);
    r.merged.probe.videoCodec = QStringLiteral("h264");
    r.merged.probe.pixelFormat = QStringLiteral("yuv420p");
    r.merged.probe.audioCodec = QStringLiteral("aac");
    r.merged.probe.sampleRate = 48000;
    r.merged.hasLoudness = true;
    r.merged.integratedLufs = -16.5;
    r.merged.truePeakDbtp = -2.0;
    r.merged.silences = {{1000, 2500}};
    r.merged.findings = {{QualityFinding::Severity::Warning, QStringLiteral("loudness"), QStringLiteral("Quiet.")},
                         {QualityFinding::Severity::Error, QStringLiteral("no-audio"), QStringLiteral("No audio.")},
                         {QualityFinding::Severity::Info, QStringLiteral("duration-target"), QStringLiteral("5 s.")}};
    r.scenes = {{QStringLiteral("Intro"), 0, 2000, -16.0, {}},
                {QStringLiteral("Step 1"),
                 2000,
                 3000,
                 std::nullopt,
                 {{QualityFinding::Severity::Warning, QStringLiteral("loudness"), QStringLiteral("Quiet.")}}}};
    r.targetDurationSeconds = 60;
    return r;
}

} // namespace

class TestTechnicalReport : public QObject {
    Q_OBJECT
private slots:
    void roundTrips()
    {
        const TechnicalReport r = sample();
        const json j = r.toJson();
        QCOMPARE(j.at("errors").get<int>(), 1);
        QCOMPARE(j.at("warnings").get<int>(), 1);
        QCOMPARE(j.at("video").at("height").get<int>(), 1920);
        QVERIFY(j.at("scenes").at(1).at("integratedLufs").is_null());
        const auto back = TechnicalReport::fromJson(j);
        QVERIFY2(back.ok(), qPrintable(back ? QString() : back.error().toString()));
        QCOMPARE(back->scenes, r.scenes);
        QCOMPARE(back->findings(), r.findings());
        QCOMPARE(back->merged.silences, r.merged.silences);
        QCOMPARE(back->durationMs(), qint64(5000));
        QCOMPARE(back->targetDurationSeconds, 60.0);
        QCOMPARE(back->toJson(), j);
        QCOMPARE(back->sceneStarts(), (QList<qint64>{0, 2000}));
        QCOMPARE(back->sceneLabels(), (QStringList{QStringLiteral("Intro"), QStringLiteral("Step 1")}));
    }

    void readsAFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("video.checks.json"));
        QVERIFY(AtomicFile::write(path, QByteArray::fromStdString(sample().toJson().dump(2))).ok());
        const auto r = TechnicalReport::read(path);
        QVERIFY(r.ok());
        QCOMPARE(r->scenes.size(), 2);
        QVERIFY(!TechnicalReport::read(dir.filePath(QStringLiteral("missing.json"))).ok());
        QVERIFY(AtomicFile::write(path, "{not json").ok());
        const auto broken = TechnicalReport::read(path);
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().message.contains(QStringLiteral("not valid JSON")));
    }

    void damagedDocumentsNameTheField_data()
    {
        QTest::addColumn<QString>("document");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not an object") << "[1,2]"
                                       << "not a JSON object";
        QTest::newRow("scenes not a list") << R"({"scenes": {}})"
                                           << "/scenes is not a list";
        QTest::newRow("scene not an object") << R"({"scenes": [3]})"
                                             << "/scenes/0 is not an object";
        QTest::newRow("scene without label") << R"({"scenes": [{"offsetMs": 0, "durationMs": 1}]})"
                                             << "/scenes/0/scene";
        QTest::newRow("offset not whole") << R"({"scenes": [{"scene": "a", "offsetMs": 0.5, "durationMs": 1}]})"
                                          << "/scenes/0/offsetMs";
        QTest::newRow("duration missing") << R"({"scenes": [{"scene": "a", "offsetMs": 0}]})"
                                          << "/scenes/0/durationMs";
        QTest::newRow("lufs is text") << R"({"scenes": [{"scene": "a", "offsetMs": 0, "durationMs": 1, "integratedLufs": "loud"}]})"
                                      << "/scenes/0/integratedLufs";
        QTest::newRow("scene findings not a list")
            << R"({"scenes": [{"scene": "a", "offsetMs": 0, "durationMs": 1, "findings": 2}]})"
            << "/scenes/0/findings";
        QTest::newRow("target not a number") << R"({"targetDurationSeconds": "long"})"
                                             << "/targetDurationSeconds";
        QTest::newRow("measurements broken") << R"({"silences": [[1]]})"
                                             << "measurements";
    }
    void damagedDocumentsNameTheField()
    {
        QFETCH(QString, document);
        QFETCH(QString, mentions);
        const auto r = TechnicalReport::fromJson(json::parse(document.toStdString()));
        QVERIFY(!r.ok());
        QVERIFY(r.error().kind == Error::Kind::InvalidInput);
        QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
    }

    void minimalDocumentIsEmptyReport()
    {
        const auto r = TechnicalReport::fromJson(json::object());
        QVERIFY(r.ok());
        QVERIFY(r->scenes.isEmpty());
        QCOMPARE(r->errors(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTechnicalReport)
#include "tst_technicalreport.moc"
