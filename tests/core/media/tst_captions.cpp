#include "media/CaptionChunker.h"
#include "media/CaptionTrack.h"
#include "media/FilterEscaping.h"
#include "media/SafeArea.h"

#include <QFont>
#include <QFontMetricsF>
#include <QtTest>

using namespace diy;

namespace {
QList<QSize> formats()
{
    return {QSize(1080, 1920), QSize(1920, 1080), QSize(1080, 1080), QSize(180, 320)};
}

QString frameName(QSize frame)
{
    return QStringLiteral("%1x%2").arg(frame.width()).arg(frame.height());
}

double lineWidth(const CaptionStyle &style, QSize frame, const QString &line)
{
    QFont font(style.fontFamily);
    font.setPixelSize(style.pixelSize(frame));
    font.setBold(true);
    return QFontMetricsF(font).horizontalAdvance(line);
}
} // namespace

class TestCaptions : public QObject {
    Q_OBJECT
private slots:
    void chunksFitTwoLines_data()
    {
        QTest::addColumn<QSize>("frame");
        QTest::addColumn<QString>("narration");
        const QString sentences =
            QStringLiteral("Take one sheet of paper. Fold it in half the long way, then open it again so you can see the "
                           "crease down the middle! Now fold the top corners in: they should meet exactly on that centre line; "
                           "press the edges flat with your thumbnail. Ready?");
        QString longText;
        while (longText.size() < 1000)
            longText += sentences + QLatin1Char(' ');
        const QString noSpaces = QString(400, QLatin1Char('x'));
        const QString arabic = QStringLiteral("اطوِ الورقة من المنتصف، ثم افتحها مرة أخرى. اضغط على الحافة بإصبعك حتى تصبح حادة.");
        for (const QSize &frame : formats()) {
            const QString f = frameName(frame);
            QTest::newRow(qPrintable(f + QStringLiteral("/sentences"))) << frame << sentences;
            QTest::newRow(qPrintable(f + QStringLiteral("/1000 chars"))) << frame << longText;
            QTest::newRow(qPrintable(f + QStringLiteral("/one huge word"))) << frame << noSpaces;
            QTest::newRow(qPrintable(f + QStringLiteral("/arabic"))) << frame << arabic;
            QTest::newRow(qPrintable(f + QStringLiteral("/emoji")))
                << frame << QStringLiteral("Great job 🎉✈️ — now decorate your plane with stickers 🌈 and throw it!");
        }
    }

    void chunksFitTwoLines()
    {
        QFETCH(QSize, frame);
        QFETCH(QString, narration);
        const CaptionStyle style;
        const QStringList chunks = CaptionChunker::chunk(narration, style, frame);
        QVERIFY(!chunks.isEmpty());
        const double maxWidth = style.maxLineWidth(frame);
        QVERIFY(maxWidth < SafeArea::of(frame).width());
        QString rejoined;
        for (const QString &chunk : chunks) {
            const QStringList lines = chunk.split(QLatin1Char('\n'));
            QVERIFY2(lines.size() <= 2, qPrintable(chunk));
            for (const QString &line : lines) {
                QVERIFY2(!line.trimmed().isEmpty(), qPrintable(chunk));
                QVERIFY2(lineWidth(style, frame, line) <= maxWidth,
                         qPrintable(QStringLiteral("%1 px > %2: %3").arg(lineWidth(style, frame, line)).arg(maxWidth).arg(line)));
            }
            rejoined += chunk;
        }
        // No text is lost or invented (whitespace aside).
        QString expected = narration;
        expected.remove(QRegularExpression(QStringLiteral("\\s")));
        rejoined.remove(QRegularExpression(QStringLiteral("\\s")));
        QCOMPARE(rejoined, expected);
    }

    void chunksBreakAtPunctuation()
    {
        const QStringList chunks = CaptionChunker::chunk(
            QStringLiteral("Fold the paper. Then flip it over, and crease it again."), CaptionStyle(), QSize(1080, 1920));
        QCOMPARE(chunks.size(), 2);
        QCOMPARE(chunks.first().simplified(), QStringLiteral("Fold the paper."));
        QVERIFY(chunks.last().simplified().startsWith(QStringLiteral("Then flip it over,")));
        QVERIFY(CaptionChunker::chunk(QStringLiteral("  \n "), CaptionStyle(), QSize(1080, 1920)).isEmpty());
    }

    void chunkLinesAreBalanced()
    {
        const CaptionStyle style;
        const QSize frame(1080, 1920);
        const QStringList chunks =
            CaptionChunker::chunk(QStringLiteral("Bring both corners down to the centre crease"), style, frame);
        QCOMPARE(chunks.size(), 1);
        const QStringList lines = chunks.first().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        const double a = lineWidth(style, frame, lines[0]);
        const double b = lineWidth(style, frame, lines[1]);
        QVERIFY2(std::abs(a - b) < std::max(a, b) * 0.5, qPrintable(chunks.first()));
    }

    void escapeAss_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("Fold it") << QStringLiteral("Fold it");
        QTest::newRow("quotes") << QStringLiteral("say \"hi\" it's") << QStringLiteral("say \"hi\" it's");
        QTest::newRow("colon percent comma") << QStringLiteral("Ratio 1:2, 50% done") << QStringLiteral("Ratio 1:2, 50% done");
        QTest::newRow("braces") << QStringLiteral("{\\b1}bold?") << QStringLiteral("\\{\\\u2060b1\\}bold?");
        QTest::newRow("backslash N") << QStringLiteral("C:\\New folder") << QStringLiteral("C:\\\u2060New folder");
        QTest::newRow("newline") << QStringLiteral("one\ntwo\r\nthree") << QStringLiteral("one\\Ntwo\\Nthree");
        QTest::newRow("edge spaces") << QStringLiteral("  hi  ") << QStringLiteral("\\h\\hhi\\h\\h");
        QTest::newRow("emoji") << QStringLiteral("Done 🎉✈️") << QStringLiteral("Done 🎉✈️");
        QTest::newRow("arabic") << QStringLiteral("مرحبا بالعالم") << QStringLiteral("مرحبا بالعالم");
        QTest::newRow("hebrew") << QStringLiteral("שלום עולם") << QStringLiteral("שלום עולם");
        QTest::newRow("control chars") << QStringLiteral("a\x01"
                                                         "b\tc")
                                       << QStringLiteral("ab c");
    }

    void escapeAss()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(CaptionTrack::escapeAssText(input), expected);
    }

    void assDocument()
    {
        CaptionTrack track;
        track.cues = {{0, 1500, QStringLiteral("First line\nsecond, with comma")}, {1500, 3250, QStringLiteral("{x}")}};
        CaptionStyle style;
        style.primary = QColor(255, 200, 0);
        const QSize frame(1080, 1920);
        const QString ass = track.toAss(style, frame);
        QVERIFY(ass.contains(QStringLiteral("PlayResX: 1080\n")));
        QVERIFY(ass.contains(QStringLiteral("PlayResY: 1920\n")));
        QVERIFY(ass.contains(QStringLiteral("WrapStyle: ")));
        QVERIFY(ass.contains(QStringLiteral("ScaledBorderAndShadow: yes")));
        QVERIFY(
            ass.contains(QStringLiteral("Style: Caption,Noto Sans,%1,&H0000C8FF,").arg(CaptionTrack::assFontSize(style, frame))));
        QVERIFY(CaptionTrack::assFontSize(style, frame) > style.pixelSize(frame)); // ASS counts ascent + descent
        QVERIFY(
            ass.contains(QStringLiteral("Dialogue: 0,0:00:00.00,0:00:01.50,Caption,,0,0,0,,First line\\Nsecond, with comma\n")));
        QVERIFY(ass.contains(QStringLiteral("Dialogue: 0,0:00:01.50,0:00:03.25,Caption,,0,0,0,,\\{x\\}\n")));
        // Bottom margin keeps the captions inside the safe area.
        const QRect safe = SafeArea::of(frame);
        const QString styleLine = ass.section(QStringLiteral("Style: Caption,"), 1).section(QLatin1Char('\n'), 0, 0);
        const int marginV = styleLine.section(QLatin1Char(','), -2, -2).toInt();
        QCOMPARE(styleLine.section(QLatin1Char(','), 14, 14), QStringLiteral("4")); // BorderStyle 4: one box per cue
        QVERIFY(marginV >= frame.height() - safe.bottom() - 1);
        style.box = false;
        QVERIFY(track.toAss(style, frame).contains(QStringLiteral(",1,4,0,2,"))); // BorderStyle 1, outline 4
        QCOMPARE(CaptionTrack::assTime(3723456), QStringLiteral("1:02:03.46"));
    }

    void styleCacheKeyChangesWithEveryField()
    {
        const CaptionStyle base;
        QStringList keys{base.cacheKey()};
        CaptionStyle s = base;
        s.fontFamily = QStringLiteral("DejaVu Sans");
        keys << s.cacheKey();
        s = base;
        s.fontSize = 60;
        keys << s.cacheKey();
        s = base;
        s.primary = Qt::yellow;
        keys << s.cacheKey();
        s = base;
        s.outline = Qt::red;
        keys << s.cacheKey();
        s = base;
        s.outlineWidth = 2;
        keys << s.cacheKey();
        s = base;
        s.position = CaptionStyle::Position::Top;
        keys << s.cacheKey();
        s = base;
        s.box = false;
        keys << s.cacheKey();
        keys.removeDuplicates();
        QCOMPARE(keys.size(), 8);
    }

    void filterEscaping_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("/tmp/a.ass") << QStringLiteral("/tmp/a.ass");
        QTest::newRow("colon") << QStringLiteral("C:/a.ass") << QStringLiteral("C\\\\:/a.ass");
        QTest::newRow("quote") << QStringLiteral("it's") << QStringLiteral("it\\\\\\'s");
        QTest::newRow("comma brackets") << QStringLiteral("a,b[c];d") << QStringLiteral("a\\,b\\[c\\]\\;d");
        QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("a\\\\\\\\b");
        QTest::newRow("percent space") << QStringLiteral("50% a b") << QStringLiteral("50% a b");
    }

    void filterEscaping()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(FilterEscaping::filterArgument(input), expected);
    }

    void concatListQuoting()
    {
        QCOMPARE(FilterEscaping::concatListPath(QStringLiteral("/a/it's here.mp4")), QStringLiteral("'/a/it'\\''s here.mp4'"));
    }
};

QTEST_MAIN(TestCaptions)
#include "tst_captions.moc"
