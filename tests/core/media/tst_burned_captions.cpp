// Captions as libass burns them into real segments: every caption's pixels lie inside the safe
// area, in 9:16, 16:9 and 1:1 and with Arabic. Measured on frames decoded from the encoded
// segment, so it checks what viewers see, not the chunker's own font metrics.
#include "MediaTestUtil.h"
#include "media/CaptionChunker.h"
#include "media/CaptionTrack.h"
#include "media/SafeArea.h"
#include "media/SegmentJob.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

using namespace diy;
using namespace diy::test;

namespace {
const QColor kBackground(64, 64, 64); // neutral grey: no chroma to bleed at the text's edges

/// The bounding box of every pixel that differs from the background (a caption and its box).
QRect inkBounds(const QImage &frame)
{
    QRect box;
    const QImage rgb = frame.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            const int d = std::abs(qRed(line[x]) - kBackground.red()) + std::abs(qGreen(line[x]) - kBackground.green())
                          + std::abs(qBlue(line[x]) - kBackground.blue());
            if (d > 36)
                box |= QRect(x, y, 1, 1);
        }
    }
    return box;
}
} // namespace

class TestBurnedCaptions : public QObject {
    Q_OBJECT
private slots:
    void captionsStayInsideTheSafeArea_data()
    {
        QTest::addColumn<QSize>("frame");
        QTest::addColumn<QString>("narration");
        const QString english =
            QStringLiteral("Fold the top corners in so they meet exactly on the centre crease, then press every edge flat with "
                           "your thumbnail. Extraordinarily long words like counterclockwise-unfoldable still have to fit!");
        const QString arabic = QStringLiteral("اطوِ الورقة من المنتصف، ثم افتحها مرة أخرى. اضغط على الحافة بإصبعك حتى تصبح حادة، "
                                              "ثم اطوِ الزاويتين العلويتين نحو الخط.");
        QTest::newRow("9:16") << QSize(360, 640) << english;
        QTest::newRow("16:9") << QSize(640, 360) << english;
        QTest::newRow("1:1") << QSize(480, 480) << english;
        QTest::newRow("9:16 arabic") << QSize(360, 640) << arabic;
        QTest::newRow("16:9 arabic") << QSize(640, 360) << arabic;
    }
    void captionsStayInsideTheSafeArea()
    {
        QFETCH(QSize, frame);
        QFETCH(QString, narration);
        QTemporaryDir dir;
        const CaptionStyle style;
        const QStringList chunks = CaptionChunker::chunk(narration, style, frame);
        QVERIFY(chunks.size() >= 2);
        CaptionTrack track;
        for (int i = 0; i < chunks.size(); ++i)
            track.cues.append({i * 1000LL, i * 1000LL + 1000, chunks[i]});
        const QString ass = dir.filePath(QStringLiteral("captions.ass"));
        {
            QFile f(ass);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(track.toAss(style, frame).toUtf8());
        }
        const QString image = dir.filePath(QStringLiteral("plain.png"));
        QVERIFY(makeImage(image, frame, kBackground));
        SegmentSpec spec{image, {}, ass, dir.filePath(QStringLiteral("segment.mp4")), frame, 30, chunks.size() * 1000LL};
        SegmentJob job(spec);
        const auto status = runJob<SegmentJob, Status>(job);
        QVERIFY(status.has_value());
        QVERIFY2(status->ok(), qPrintable(status->ok() ? QString() : status->error().toString()));

        const QRect safe = SafeArea::of(frame);
        for (int i = 0; i < chunks.size(); ++i) {
            const QString png = dir.filePath(QStringLiteral("cue%1.png").arg(i));
            bool ok = false;
            const QString err = runFfmpeg({QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y"),
                                           QStringLiteral("-ss"), QString::number(i + 0.5, 'f', 2), QStringLiteral("-i"),
                                           spec.outputPath, QStringLiteral("-frames:v"), QStringLiteral("1"), png},
                                          &ok);
            QVERIFY2(ok, qPrintable(err));
            const QImage shot(png);
            QCOMPARE(shot.size(), frame);
            const QRect ink = inkBounds(shot);
            QVERIFY2(!ink.isEmpty(), qPrintable(QStringLiteral("cue %1 burned nothing: %2").arg(i).arg(chunks[i])));
            // Text of some height: a caption, not a stray pixel.
            QVERIFY2(ink.height() >= style.pixelSize(frame),
                     qPrintable(QStringLiteral("cue %1 is %2 px high").arg(i).arg(ink.height())));
            QVERIFY2(safe.contains(ink),
                     qPrintable(QStringLiteral("cue %1 (%2) drawn at %3,%4 %5x%6, outside the safe area %7,%8 %9x%10")
                                    .arg(i)
                                    .arg(chunks[i])
                                    .arg(ink.x())
                                    .arg(ink.y())
                                    .arg(ink.width())
                                    .arg(ink.height())
                                    .arg(safe.x())
                                    .arg(safe.y())
                                    .arg(safe.width())
                                    .arg(safe.height())));
        }
    }
};

QTEST_MAIN(TestBurnedCaptions) // the chunker measures with the caption font: needs QGuiApplication
#include "tst_burned_captions.moc"
