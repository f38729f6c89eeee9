// PhotoFrameComposer: the creator's photo framed for the video, overlays inside the card area.
#include "media/PhotoFrameComposer.h"
#include "media/SafeArea.h"

#include <QPainter>
#include <QtTest>

using namespace diy;

namespace {

const QColor kMagenta(255, 0, 255);
const QColor kBadge(0xE8, 0x6A, 0x33);

/// A photo no background or overlay colour resembles: magenta with a green centre marker.
QImage photo(QSize size = QSize(400, 300))
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(kMagenta);
    QPainter(&image).fillRect(QRect(size.width() / 2 - 10, size.height() / 2 - 10, 20, 20), Qt::green);
    return image;
}

bool near(QRgb pixel, const QColor &colour, int delta = 6)
{
    return std::abs(qRed(pixel) - colour.red()) <= delta && std::abs(qGreen(pixel) - colour.green()) <= delta
           && std::abs(qBlue(pixel) - colour.blue()) <= delta;
}

/// The bounding box of the pixels near `colour` (null when there are none).
QRect boundsOf(const QImage &image, const QColor &colour)
{
    QRect box;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (near(image.pixel(x, y), colour))
                box = box.united(QRect(x, y, 1, 1));
    return box;
}

} // namespace

class TestPhotoFrameComposer : public QObject {
    Q_OBJECT
private slots:
    void frames_data()
    {
        QTest::addColumn<QSize>("frame");
        QTest::newRow("portrait") << QSize(270, 480);
        QTest::newRow("landscape") << QSize(480, 270);
        QTest::newRow("square") << QSize(360, 360);
    }

    void frames() // the output is the frame, the photo whole inside the card area, deterministic
    {
        QFETCH(QSize, frame);
        const PhotoFrameComposer composer(frame);
        const QImage out = composer.compose(photo(), {});
        QCOMPARE(out.size(), frame);
        QCOMPARE(out, composer.compose(photo(), {}));
        const QRect shown = boundsOf(out, kMagenta);
        QVERIFY2(!shown.isNull(), "the photo is visible");
        QVERIFY2(SafeArea::cardContent(frame).contains(shown), "the photo stays in the card area");
        // Whole, not cropped: its aspect ratio is kept (4:3, within the rounded corners' pixels).
        QVERIFY2(std::abs(double(shown.width()) / shown.height() - 4.0 / 3.0) < 0.06,
                 qPrintable(QStringLiteral("shown %1x%2").arg(shown.width()).arg(shown.height())));
        const QRect marker = boundsOf(out, Qt::green);
        QVERIFY(!marker.isNull());
        QVERIFY(std::abs(marker.center().x() - shown.center().x()) <= 2);
        QVERIFY(std::abs(marker.center().y() - shown.center().y()) <= 2);
    }

    void overlaysStayInTheCardArea_data() { frames_data(); }
    void overlaysStayInTheCardArea()
    {
        QFETCH(QSize, frame);
        const PhotoFrameComposer composer(frame);
        PhotoFrameComposer::Overlay busy;
        busy.stepNumber = 2;
        busy.stepCount = 5;
        busy.title = QStringLiteral("Fold both wings down along the dotted line, then crease them hard");
        busy.checklist = {QStringLiteral("Paper"), QStringLiteral("Ruler"), QStringLiteral("Tape")};
        const QImage plain = composer.compose(photo(), {});
        const QImage dressed = composer.compose(photo(), busy);
        // The photo's drop shadow and border may reach one unit (frame/54) past the card area.
        const int unit = qMin(frame.width(), frame.height()) / 54;
        const QRect content = SafeArea::cardContent(frame).adjusted(-unit, -unit, unit, unit);
        // Known: the photo's shadow and border spill up to one unit into the top of the band.
        const QRect captions = SafeArea::captionBand(frame).adjusted(0, unit, 0, 0);
        QVERIFY(!captions.isEmpty());
        int changedInCaptions = 0;
        int changedOutside = 0;
        int changedInside = 0;
        for (int y = 0; y < frame.height(); ++y)
            for (int x = 0; x < frame.width(); ++x)
                if (plain.pixel(x, y) != dressed.pixel(x, y)) {
                    ++(content.contains(x, y) ? changedInside : changedOutside);
                    changedInCaptions += captions.contains(x, y);
                }
        QCOMPARE(changedInCaptions, 0); // the caption band stays free
        QCOMPARE(changedOutside, 0);
        QVERIFY(changedInside > 0);
    }

    void stepBadgeOnlyForSteps()
    {
        const PhotoFrameComposer composer(QSize(270, 480));
        PhotoFrameComposer::Overlay step;
        step.stepNumber = 1;
        step.stepCount = 3;
        const QRect badge = boundsOf(composer.compose(photo(), step), kBadge);
        QVERIFY(!badge.isNull());
        const QRect content = SafeArea::cardContent(QSize(270, 480));
        QCOMPARE(badge.left(), content.left());
        QVERIFY(badge.top() - content.top() <= 1);
        QVERIFY(boundsOf(composer.compose(photo(), {}), kBadge).isNull());
    }

    void titleMovesThePhotoDown()
    {
        const PhotoFrameComposer composer(QSize(270, 480));
        PhotoFrameComposer::Overlay titled;
        titled.title = QStringLiteral("Materials");
        const QRect without = boundsOf(composer.compose(photo(), {}), kMagenta);
        const QRect with = boundsOf(composer.compose(photo(), titled), kMagenta);
        QVERIFY2(with.top() > without.top() || with.height() < without.height(), "the headline gets its own band");
    }

    void checklistPanelBesideOrBelow_data()
    {
        QTest::addColumn<QSize>("frame");
        QTest::addColumn<bool>("beside");
        QTest::newRow("landscape: beside") << QSize(480, 270) << true;
        QTest::newRow("portrait: below") << QSize(270, 480) << false;
    }
    void checklistPanelBesideOrBelow()
    {
        QFETCH(QSize, frame);
        QFETCH(bool, beside);
        PhotoFrameComposer::Overlay materials;
        materials.checklist = {QStringLiteral("Paper"), QStringLiteral("Ruler")};
        const QImage out = PhotoFrameComposer(frame).compose(photo(), materials);
        const QRect shown = boundsOf(out, kMagenta);
        const QRect checkBoxes = boundsOf(out, kBadge); // the checklist's boxes are drawn in the badge colour
        QVERIFY(!shown.isNull());
        QVERIFY(!checkBoxes.isNull());
        if (beside)
            QVERIFY(checkBoxes.left() > shown.right());
        else
            QVERIFY(checkBoxes.top() > shown.bottom());
    }

    void emptyPhotoStillMakesAFrame()
    {
        const QImage out = PhotoFrameComposer(QSize(200, 100)).compose(QImage(), {});
        QCOMPARE(out.size(), QSize(200, 100));
    }
};

QTEST_MAIN(TestPhotoFrameComposer) // text overlays need QGuiApplication (fonts)
#include "tst_photoframecomposer.moc"
