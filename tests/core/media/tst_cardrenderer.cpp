#include "media/CardLayout.h"
#include "media/CardPainter.h"
#include "media/CardRenderer.h"
#include "media/SafeArea.h"

#include <QCryptographicHash>
#include <QDir>
#include <QPainter>
#include <QtTest>

using namespace diy;

namespace {

const QColor kPlain(0x12, 0x34, 0x56);

QString longText(int characters)
{
    const QString words = QStringLiteral(
        "Fold the sheet carefully along the centre crease, then open it again and bring both top corners "
        "down to meet the middle line so the edges touch without overlapping. Supercalifragilisticexpialidocious ");
    QString out;
    while (out.size() < characters)
        out += words;
    return out.left(characters);
}

/// The number of pixels outside `allowed` that differ from the plain background.
int pixelsOutside(const QImage &image, const QRect &allowed, const QColor &background)
{
    const QRgb bg = background.rgb();
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *row = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if (allowed.contains(x, y))
                continue;
            if ((row[x] & 0xFFFFFF) != (bg & 0xFFFFFF))
                ++count;
        }
    }
    return count;
}

int pixelsInside(const QImage &image, const QRect &area, const QColor &background)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            if ((image.pixel(x, y) & 0xFFFFFF) != (background.rgb() & 0xFFFFFF))
                ++count;
    return count;
}

CardContent card(CardContent::Kind kind, const QString &title, const QString &body, int items = 4)
{
    CardContent c;
    c.kind = kind;
    c.title = title;
    c.body = body;
    c.stepNumber = 3;
    c.stepCount = 5;
    c.badge = QStringLiteral("For kids");
    for (int i = 0; i < items; ++i)
        c.checklist.append(i % 2 ? body : QStringLiteral("Item %1").arg(i + 1));
    return c;
}

QList<QSize> formats()
{
    return {QSize(1080, 1920), QSize(1920, 1080), QSize(1080, 1080)};
}

} // namespace

class TestCardRenderer : public QObject {
    Q_OBJECT
private slots:
    void safeAreaKeepsClearOfPhoneOverlays()
    {
        const QRect vertical = SafeArea::of(QSize(1080, 1920));
        QVERIFY(vertical.top() >= 1920 * 0.12 - 1);
        QVERIFY(vertical.bottom() <= 1920 * 0.82);
        QVERIFY(QRect(0, 0, 1080, 1920).contains(vertical));
        for (const QSize &frame : formats()) {
            const QRect content = SafeArea::cardContent(frame);
            const QRect band = SafeArea::captionBand(frame);
            QVERIFY(SafeArea::of(frame).contains(content));
            QVERIFY(SafeArea::of(frame).contains(band));
            QVERIFY(!content.intersects(band));
        }
    }

    void checkerDetectsLeaks()
    {
        // The pixel check itself must be able to fail: text drawn across the safe edge is caught.
        QImage image(QSize(1080, 1920), QImage::Format_RGB32);
        image.fill(kPlain);
        const QRect safe = SafeArea::of(image.size());
        QVERIFY(pixelsOutside(image, safe, kPlain) == 0);
        QPainter p(&image);
        p.setPen(Qt::white);
        QFont font(QStringLiteral("Noto Sans"));
        font.setPixelSize(60);
        p.setFont(font);
        p.drawText(QPoint(safe.right() - 100, safe.top() + 80), QStringLiteral("overflowing words"));
        p.end();
        QVERIFY(pixelsOutside(image, safe, kPlain) > 50);
    }

    void staysInsideSafeArea_data()
    {
        QTest::addColumn<QSize>("frame");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("items");
        const char *names[] = {"title", "materials", "step", "completion"};
        for (const QSize &frame : formats()) {
            for (int kind = 0; kind < 4; ++kind) {
                for (int length : {12, 180, 1000}) {
                    const QByteArray name = QByteArray::number(frame.width()) + 'x' + QByteArray::number(frame.height()) + '/'
                                            + names[kind] + '/' + QByteArray::number(length);
                    QTest::newRow(name.constData()) << frame << kind << length << (length == 1000 ? 9 : 6);
                }
            }
        }
    }

    void staysInsideSafeArea()
    {
        QFETCH(QSize, frame);
        QFETCH(int, kind);
        QFETCH(int, length);
        QFETCH(int, items);
        CardRenderer renderer(frame);
        renderer.setPlainBackground(kPlain);
        const QString text = longText(length);
        const QImage image = renderer.render(card(static_cast<CardContent::Kind>(kind), text, text, items));
        QCOMPARE(image.size(), frame);
        // Nothing outside the card area (safe area minus the caption band).
        const QRect content = SafeArea::cardContent(frame);
        QCOMPARE(pixelsOutside(image, content, kPlain), 0);
        // And the card is really there.
        QVERIFY(pixelsInside(image, content, kPlain) > content.width() * content.height() / 2);
    }

    void deterministic_data()
    {
        QTest::addColumn<QSize>("frame");
        for (const QSize &frame : formats())
            QTest::newRow(qPrintable(QStringLiteral("%1x%2").arg(frame.width()).arg(frame.height()))) << frame;
    }

    void deterministic()
    {
        QFETCH(QSize, frame);
        const CardContent c = card(CardContent::Kind::Step, QStringLiteral("Crease the wings"),
                                   QStringLiteral("Fold both sides down along the body."));
        const QImage a = CardRenderer(frame).render(c);
        const QImage b = CardRenderer(frame).render(c);
        if (a != b) {
            QRect diff;
            for (int y = 0; y < a.height(); ++y)
                for (int x = 0; x < a.width(); ++x)
                    if (a.pixel(x, y) != b.pixel(x, y))
                        diff |= QRect(x, y, 1, 1);
            qWarning() << "differs in" << diff;
        }
        QCOMPARE(a, b);
        CardContent other = c;
        other.stepNumber = 4;
        QVERIFY(CardRenderer(frame).render(other) != a);
    }

    void everyMaterialIsShown_data()
    {
        QTest::addColumn<QSize>("frame");
        for (const QSize &frame : formats())
            QTest::newRow(qPrintable(QStringLiteral("%1x%2").arg(frame.width()).arg(frame.height()))) << frame;
    }
    void everyMaterialIsShown()
    {
        // Ten materials (the schema's limit): the tenth row is drawn, not folded into "+ N more".
        QFETCH(QSize, frame);
        CardContent c;
        c.kind = CardContent::Kind::Materials;
        c.title = QStringLiteral("What you need");
        c.checklist = {QStringLiteral("Empty milk carton"), QStringLiteral("Scissors"),      QStringLiteral("Pencil"),
                       QStringLiteral("Hole punch"),        QStringLiteral("String, 1 m"),   QStringLiteral("Wooden spoon"),
                       QStringLiteral("Birdseed"),          QStringLiteral("Acrylic paint"), QStringLiteral("Paintbrush"),
                       QStringLiteral("Masking tape")};
        CardRenderer renderer(frame);
        renderer.setPlainBackground(kPlain);
        const QImage all = renderer.render(c);
        CardContent other = c;
        other.checklist.last() = QStringLiteral("Old newspaper");
        QVERIFY2(renderer.render(other) != all, "the last material must be on the card");
        // Still inside the card area, in every format.
        QCOMPARE(pixelsOutside(all, SafeArea::cardContent(frame), kPlain), 0);
        QCOMPARE(CardLayout::checklistColumns(10, frame.height() > frame.width() * 1.2, frame.width() > frame.height() * 1.2), 2);
    }

    void verticalCardsUseTheWholeFrame()
    {
        // 9:16: the paper sheet reaches below the caption band; the bottom of the frame is not
        // bare background. (Before, the card ended at ~60% of the height.)
        const QSize frame(1080, 1920);
        CardContent c;
        c.kind = CardContent::Kind::Step;
        c.title = QStringLiteral("Cut a window");
        c.body = QStringLiteral("Cut a square window in one side of the carton.");
        c.stepNumber = 2;
        c.stepCount = 5;
        const QImage image = CardRenderer(frame).render(c);
        const QColor panel = CardPainter::kPanel;
        for (int y : {1250, 1650, 1760}) {
            const QColor seen = image.pixelColor(90, y);
            QVERIFY2(std::abs(seen.red() - panel.red()) <= 20 && std::abs(seen.green() - panel.green()) <= 20
                         && std::abs(seen.blue() - panel.blue()) <= 20,
                     qPrintable(QStringLiteral("y=%1: %2").arg(y).arg(seen.name())));
        }
        // Landscape keeps its margins (the sheet is the panel).
        const QImage wide = CardRenderer(QSize(1920, 1080)).render(c);
        QVERIFY(wide.pixelColor(20, 1060) != panel);
        if (const QByteArray dir = qgetenv("DIY_CARD_PNG_DIR"); !dir.isEmpty()) {
            // For looking at the cards: DIY_CARD_PNG_DIR=/tmp/cards ctest -R cardrenderer
            image.save(QString::fromLocal8Bit(dir) + QStringLiteral("/step-9x16.png"));
            wide.save(QString::fromLocal8Bit(dir) + QStringLiteral("/step-16x9.png"));
            for (const QSize &f : formats()) {
                CardContent m;
                m.kind = CardContent::Kind::Materials;
                m.title = QStringLiteral("What you need");
                m.checklist = {QStringLiteral("Empty milk carton (1 litre)"),
                               QStringLiteral("Scissors"),
                               QStringLiteral("Pencil"),
                               QStringLiteral("Hole punch"),
                               QStringLiteral("String, about 1 metre"),
                               QStringLiteral("Wooden spoon"),
                               QStringLiteral("Birdseed")};
                const QString size = QStringLiteral("%1x%2").arg(f.width()).arg(f.height());
                CardRenderer(f).render(m).save(QString::fromLocal8Bit(dir) + QStringLiteral("/materials-") + size
                                               + QStringLiteral(".png"));
                CardContent t;
                t.kind = CardContent::Kind::Title;
                t.title = QStringLiteral("Bird feeder from a milk carton");
                t.body = QStringLiteral("A cosy snack bar for garden birds, made in an afternoon.");
                t.badge = QStringLiteral("For kids");
                CardRenderer(f).render(t).save(QString::fromLocal8Bit(dir) + QStringLiteral("/title-") + size
                                               + QStringLiteral(".png"));
                CardContent d;
                d.kind = CardContent::Kind::Completion;
                d.title = QStringLiteral("You did it!");
                d.body = QStringLiteral("Hang it near a window and watch who comes to visit.");
                CardRenderer(f).render(d).save(QString::fromLocal8Bit(dir) + QStringLiteral("/done-") + size
                                               + QStringLiteral(".png"));
            }
        }
    }
};

QTEST_MAIN(TestCardRenderer)
#include "tst_cardrenderer.moc"
