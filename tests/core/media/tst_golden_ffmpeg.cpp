// Golden folders for the engine's program arguments: tests/data/golden/ffmpeg-args/<case>/
// input.json (which builder and its spec) → expected.json (the argument list, one string per
// argument). The jobs run exactly these lists (SegmentJob/MergeJob/NarrationJob build them with
// the same static functions). DIY_UPDATE_GOLDEN=1 rewrites the expected files.
#include "Golden.h"
#include "media/MergeJob.h"
#include "media/NarrationJob.h"
#include "media/SegmentJob.h"

#include <QtTest>

using namespace diy;
using diy::test::Golden;
using nlohmann::json;

namespace {

QString str(const json &j, const char *key)
{
    return QString::fromStdString(j.value(key, std::string()));
}

QStringList strings(const json &j, const char *key)
{
    QStringList out;
    for (const auto &e : j.value(key, json::array()))
        out.append(QString::fromStdString(e.get<std::string>()));
    return out;
}

/// The argument list the named builder makes from the case's input.
std::optional<QStringList> build(const json &in, QString *error)
{
    const QString builder = str(in, "builder");
    const json spec = in.value("spec", json::object());
    if (builder == QStringLiteral("segment")) {
        SegmentSpec s;
        s.imagePath = str(spec, "imagePath");
        s.audioPath = str(spec, "audioPath");
        s.assPath = str(spec, "assPath");
        s.frame = QSize(spec.at("frame").at(0).get<int>(), spec.at("frame").at(1).get<int>());
        s.fps = spec.value("fps", 30);
        s.durationMs = spec.at("durationMs").get<qint64>();
        return SegmentJob::ffmpegArguments(s, str(in, "outputPath"));
    }
    if (builder == QStringLiteral("merge")) {
        MergeSpec s;
        s.segmentPaths = strings(spec, "segmentPaths");
        s.musicPath = str(spec, "musicPath");
        s.musicVolume = spec.value("musicVolume", 0.15);
        return MergeJob::ffmpegArguments(s, str(in, "listPath"), str(in, "outputPath"));
    }
    NarrationSpec s;
    s.phrases = strings(spec, "phrases");
    s.voice = spec.contains("voice") ? str(spec, "voice") : s.voice;
    s.wordsPerMinute = spec.value("wordsPerMinute", s.wordsPerMinute);
    s.pitch = spec.value("pitch", s.pitch);
    if (builder == QStringLiteral("narration-speak"))
        return NarrationJob::speakArguments(s, in.at("phrase").get<int>());
    if (builder == QStringLiteral("narration-measure"))
        return NarrationJob::measureArguments(str(in, "wavPath"));
    if (builder == QStringLiteral("narration-normalise"))
        return NarrationJob::normaliseArguments(
            str(in, "wavPath"), str(in, "outputPath"),
            in.at("measuredLufs").is_number() ? std::optional(in.at("measuredLufs").get<double>()) : std::nullopt);
    *error = QStringLiteral("unknown builder '%1'").arg(builder);
    return std::nullopt;
}

} // namespace

class TestGoldenFfmpeg : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(Golden::cases(QStringLiteral("ffmpeg-args")).size() >= 7, "the argument goldens are missing");
    }

    void matchesGolden_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : Golden::cases(QStringLiteral("ffmpeg-args")))
            QTest::newRow(qPrintable(name)) << name;
    }
    void matchesGolden()
    {
        QFETCH(QString, name);
        QString error;
        const auto input =
            Golden::readJson(Golden::casePath(QStringLiteral("ffmpeg-args"), name, QStringLiteral("input.json")), &error);
        QVERIFY2(input, qPrintable(error));
        const auto args = build(*input, &error);
        QVERIFY2(args, qPrintable(error));
        json list = json::array();
        for (const QString &a : *args)
            list.push_back(a.toStdString());
        const QString text = QString::fromStdString(list.dump(2)) + QLatin1Char('\n');
        const QString mismatch =
            Golden::compareText(Golden::casePath(QStringLiteral("ffmpeg-args"), name, QStringLiteral("expected.json")), text);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }
};

QTEST_GUILESS_MAIN(TestGoldenFfmpeg)
#include "tst_golden_ffmpeg.moc"
