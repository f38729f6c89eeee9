#include "media/QualityCheckJob.h"
#include "media/QualityReport.h"

#include <QtTest>

#include <nlohmann/json.hpp>

using namespace diy;

namespace {
QualityReport segment(qint64 durationMs, double lufs)
{
    QualityReport r;
    r.probe.durationMs = durationMs;
    r.probe.videoSize = QSize(1080, 1920);
    r.probe.videoCodec = QStringLiteral("h264");
    r.probe.pixelFormat = QStringLiteral("yuv420p");
    r.probe.fps = 30;
    r.probe.audioCodec = QStringLiteral("aac");
    r.probe.sampleRate = 48000;
    r.probe.channels = 2;
    r.probe.audioProfile = QStringLiteral("LC");
    r.probe.videoTimeBaseDen = 15360;
    r.hasLoudness = true;
    r.integratedLufs = lufs;
    r.truePeakDbtp = -2;
    r.assess();
    return r;
}

bool hasFinding(const QualityReport &r, const QString &code, QualityFinding::Severity severity)
{
    for (const QualityFinding &f : r.findings)
        if (f.code == code && f.severity == severity)
            return true;
    return false;
}
} // namespace

class TestQualityReport : public QObject {
    Q_OBJECT
private slots:
    void parsesAudioLog()
    {
        const QByteArray log = "[Parsed_ebur128_0 @ 0x1] t: 0.4 M: -20.1 S: -120.7 I: -19.5 LUFS LRA: 0 LU\n"
                               "[silencedetect @ 0x2] silence_start: 2.5\n"
                               "[silencedetect @ 0x2] silence_end: 4.25 | silence_duration: 1.75\n"
                               "[silencedetect @ 0x2] silence_start: 9.1\n"
                               "[Parsed_ebur128_0 @ 0x1] Summary:\n\n  Integrated loudness:\n    I:         -16.3 LUFS\n"
                               "    Threshold: -26.3 LUFS\n\n  True peak:\n    Peak:       -1.8 dBFS\n";
        QualityReport r;
        QualityCheckJob::parseAudioLog(log, 10000, r);
        QVERIFY(r.hasLoudness);
        QCOMPARE(r.integratedLufs, -16.3);
        QCOMPARE(r.truePeakDbtp, -1.8);
        QCOMPARE(r.silences.size(), 2);
        QCOMPARE(r.silences[0], (TimeRange{2500, 4250}));
        QCOMPARE(r.silences[1], (TimeRange{9100, 10000})); // open silence runs to the end
    }

    void parsesVideoLog()
    {
        QualityReport r;
        QualityCheckJob::parseVideoLog("[blackdetect @ 0x3] black_start:0 black_end:1.5 black_duration:1.5\n", 5000, r);
        QCOMPARE(r.blackFrames.size(), 1);
        QCOMPARE(r.blackFrames[0], (TimeRange{0, 1500}));
    }

    void assess_data()
    {
        QTest::addColumn<double>("lufs");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("severity");
        QTest::newRow("on target") << -16.2 << QStringLiteral("loudness") << int(QualityFinding::Severity::Info);
        QTest::newRow("too quiet") << -23.0 << QStringLiteral("loudness") << int(QualityFinding::Severity::Warning);
        QTest::newRow("silent") << -70.0 << QStringLiteral("silent") << int(QualityFinding::Severity::Error);
    }

    void assess()
    {
        QFETCH(double, lufs);
        QFETCH(QString, code);
        QFETCH(int, severity);
        const QualityReport r = segment(5000, lufs);
        QVERIFY(hasFinding(r, code, QualityFinding::Severity(severity)));
        QualityReport wrong = segment(5000, -16);
        wrong.probe.pixelFormat = QStringLiteral("yuv444p");
        wrong.blackFrames = {{0, 4000}};
        wrong.assess();
        QVERIFY(hasFinding(wrong, QStringLiteral("pixel-format"), QualityFinding::Severity::Error));
        QVERIFY(hasFinding(wrong, QStringLiteral("black-frames"), QualityFinding::Severity::Error));
        QVERIFY(wrong.hasErrors());
    }

    void mergeCombinesSegments()
    {
        QualityReport a = segment(4000, -16);
        a.silences = {{3000, 4000}};
        QualityReport b = segment(6000, -16);
        b.silences = {{0, 500}, {5000, 6000}};
        b.truePeakDbtp = -0.5;
        const QualityReport merged = QualityReport::merge(QList<QualityReport>{a, b});
        QCOMPARE(merged.probe.durationMs, 10000);
        QVERIFY(std::abs(merged.integratedLufs - -16.0) < 0.01);
        QCOMPARE(merged.truePeakDbtp, -0.5);
        // The silence at the end of a and the start of b is one silence across the cut.
        QCOMPARE(merged.silences.size(), 2);
        QCOMPARE(merged.silences[0], (TimeRange{3000, 4500}));
        QCOMPARE(merged.silences[1], (TimeRange{9000, 10000}));
        QVERIFY(hasFinding(merged, QStringLiteral("true-peak"), QualityFinding::Severity::Warning));
        QVERIFY(!merged.hasErrors());
        // Loudness is energy-weighted: a quiet short segment lowers the whole a little.
        const QualityReport mixed = QualityReport::merge(QList<QualityReport>{segment(9000, -16), segment(1000, -26)});
        QVERIFY(mixed.integratedLufs < -16.0 && mixed.integratedLufs > -17.0);
        // Different stream settings would break concat copy.
        QualityReport odd = segment(1000, -16);
        odd.probe.sampleRate = 44100;
        QVERIFY(QualityReport::merge(QList<QualityReport>{a, odd}).hasErrors());
    }

    void jsonRoundTrip()
    {
        QualityReport r = segment(4000, -15.5);
        r.silences = {{1000, 2500}};
        r.blackFrames = {{0, 600}};
        r.probe.faststart = true;
        r.assess();
        const nlohmann::json j = r;
        QCOMPARE(QString::fromStdString(j["findings"][0]["severity"].get<std::string>()).isEmpty(), false);
        const QualityReport back = nlohmann::json::parse(j.dump()).get<QualityReport>();
        QCOMPARE(back.probe.durationMs, r.probe.durationMs);
        QCOMPARE(back.probe.videoSize, r.probe.videoSize);
        QCOMPARE(back.probe.faststart, true);
        QCOMPARE(back.integratedLufs, r.integratedLufs);
        QCOMPARE(back.silences, r.silences);
        QCOMPARE(back.blackFrames, r.blackFrames);
        QCOMPARE(back.findings, r.findings);
        // A silent file's -inf loudness survives as null.
        QualityReport silent = segment(4000, -std::numeric_limits<double>::infinity());
        const QualityReport silentBack = nlohmann::json::parse(nlohmann::json(silent).dump()).get<QualityReport>();
        QVERIFY(silentBack.hasLoudness);
        QVERIFY(std::isinf(silentBack.integratedLufs));
    }
};

QTEST_GUILESS_MAIN(TestQualityReport)
#include "tst_qualityreport.moc"
