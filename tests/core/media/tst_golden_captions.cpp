// Golden folders for burned-in captions: tests/data/golden/captions/<case>/input.json (frame,
// the brief's caption style and position, cues) → expected.ass, the complete ASS script.
// DIY_UPDATE_GOLDEN=1 rewrites the expected files.
#include "Golden.h"
#include "media/CaptionTrack.h"
#include "model/Brief.h"
#include "pipeline/SceneDesign.h"

#include <QtTest>

using namespace diy;
using diy::test::Golden;

class TestGoldenCaptions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(Golden::cases(QStringLiteral("captions")).size() >= 3, "the caption goldens are missing"); }

    void matchesGolden_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : Golden::cases(QStringLiteral("captions")))
            QTest::newRow(qPrintable(name)) << name;
    }
    void matchesGolden()
    {
        QFETCH(QString, name);
        QString error;
        const auto input =
            Golden::readJson(Golden::casePath(QStringLiteral("captions"), name, QStringLiteral("input.json")), &error);
        QVERIFY2(input, qPrintable(error));
        Brief brief;
        brief.captionStyle = QString::fromStdString(input->at("captionStyle").get<std::string>());
        brief.captionPosition = QString::fromStdString(input->at("captionPosition").get<std::string>());
        const QSize frame(input->at("frame").at(0).get<int>(), input->at("frame").at(1).get<int>());
        CaptionTrack track;
        for (const auto &c : input->at("cues"))
            track.cues.append({c.at("startMs").get<qint64>(), c.at("endMs").get<qint64>(),
                               QString::fromStdString(c.at("text").get<std::string>())});
        QVERIFY(!track.cues.isEmpty());
        const QString ass = track.toAss(SceneDesign::captionStyle(brief), frame);
        const QString mismatch =
            Golden::compareText(Golden::casePath(QStringLiteral("captions"), name, QStringLiteral("expected.ass")), ass);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }
};

QTEST_MAIN(TestGoldenCaptions) // font metrics size the captions: needs QGuiApplication
#include "tst_golden_captions.moc"
