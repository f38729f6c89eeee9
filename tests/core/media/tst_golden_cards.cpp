// Golden folders for the pictures the engine paints: tests/data/golden/cards/<case>/input.json
// (frame and card content, or a photo overlay) → expected.png, compared per pixel with a
// tolerance (see Golden::ImageTolerance): anti-aliasing may move an edge by a shade, a layout or
// text change moves whole areas and fails. DIY_UPDATE_GOLDEN=1 rewrites the expected images.
#include "Golden.h"
#include "media/CardRenderer.h"
#include "media/PhotoFrameComposer.h"

#include <QPainter>
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

/// A deterministic stand-in for a creator's photo: a landscape gradient with a dark square.
QImage testPhoto()
{
    QImage photo(400, 300, QImage::Format_RGB32);
    QPainter p(&photo);
    QLinearGradient g(0, 0, 400, 300);
    g.setColorAt(0, QColor(40, 120, 200));
    g.setColorAt(1, QColor(230, 180, 60));
    p.fillRect(photo.rect(), g);
    p.fillRect(QRect(150, 100, 100, 100), QColor(30, 30, 30));
    return photo;
}

std::optional<QImage> paint(const json &in, QString *error)
{
    const QSize frame(in.at("frame").at(0).get<int>(), in.at("frame").at(1).get<int>());
    const QString kind = str(in, "kind");
    if (kind == QStringLiteral("photo")) {
        PhotoFrameComposer::Overlay overlay;
        overlay.stepNumber = in.value("stepNumber", 0);
        overlay.stepCount = in.value("stepCount", 0);
        overlay.title = str(in, "title");
        overlay.checklist = strings(in, "checklist");
        return PhotoFrameComposer(frame).compose(testPhoto(), overlay);
    }
    static const QMap<QString, CardContent::Kind> kinds = {{QStringLiteral("title"), CardContent::Kind::Title},
                                                           {QStringLiteral("materials"), CardContent::Kind::Materials},
                                                           {QStringLiteral("step"), CardContent::Kind::Step},
                                                           {QStringLiteral("completion"), CardContent::Kind::Completion}};
    if (!kinds.contains(kind)) {
        *error = QStringLiteral("unknown kind '%1'").arg(kind);
        return std::nullopt;
    }
    CardContent c;
    c.kind = kinds.value(kind);
    c.title = str(in, "title");
    c.body = str(in, "body");
    c.stepNumber = in.value("stepNumber", 0);
    c.stepCount = in.value("stepCount", 0);
    c.checklist = strings(in, "checklist");
    c.badge = str(in, "badge");
    return CardRenderer(frame).render(c);
}

} // namespace

class TestGoldenCards : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(Golden::cases(QStringLiteral("cards")).size() >= 5, "the card goldens are missing"); }

    void toleranceSeesALayoutChange()
    {
        // The comparison is not blind: a moved block fails it, a one-shade change everywhere does not.
        QImage a(200, 100, QImage::Format_RGB32);
        a.fill(Qt::white);
        QImage b = a;
        QPainter(&b).fillRect(QRect(10, 10, 40, 40), Qt::black);
        QVERIFY(Golden::differingShare(a, b, Golden::ImageTolerance().channelDelta) > Golden::ImageTolerance().maxDifferingShare);
        QImage c(200, 100, QImage::Format_RGB32);
        c.fill(QColor(250, 250, 250));
        QCOMPARE(Golden::differingShare(a, c, Golden::ImageTolerance().channelDelta), 0.0);
        QCOMPARE(Golden::differingShare(a, a.scaled(100, 50), 0), 1.0);
    }

    void matchesGolden_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : Golden::cases(QStringLiteral("cards")))
            QTest::newRow(qPrintable(name)) << name;
    }
    void matchesGolden()
    {
        QFETCH(QString, name);
        QString error;
        const auto input = Golden::readJson(Golden::casePath(QStringLiteral("cards"), name, QStringLiteral("input.json")), &error);
        QVERIFY2(input, qPrintable(error));
        const auto image = paint(*input, &error);
        QVERIFY2(image, qPrintable(error));
        const QString mismatch =
            Golden::compareImage(Golden::casePath(QStringLiteral("cards"), name, QStringLiteral("expected.png")), *image);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }
};

QTEST_MAIN(TestGoldenCards) // painting text needs QGuiApplication (offscreen)
#include "tst_golden_cards.moc"
