#include "media/CardPainter.h"

#include "media/SafeArea.h"

#include <QFontMetricsF>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace diy {

const QColor CardPainter::kPaperTop(0xF8, 0xEE, 0xDF);
const QColor CardPainter::kPaperBottom(0xEE, 0xD9, 0xBD);
const QColor CardPainter::kPanel(0xFF, 0xFC, 0xF6);
const QColor CardPainter::kInk(0x3A, 0x2A, 0x1F);
const QColor CardPainter::kMuted(0x6E, 0x55, 0x44);
const QColor CardPainter::kTerracotta(0xD3, 0x5F, 0x37);
const QColor CardPainter::kMustard(0xEA, 0xB2, 0x45);
const QColor CardPainter::kTeal(0x2A, 0x86, 0x7E);
const QColor CardPainter::kStitch(0xE4, 0xCD, 0xAE);
const QColor CardPainter::kRowTint(0xF8, 0xF0, 0xE4);

namespace {

/// Small deterministic hash for texture and confetti (no global random state).
quint32 mix(quint32 x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

double unitRandom(quint32 seed)
{
    return (mix(seed) & 0xFFFFFF) / double(0x1000000);
}

/// A blurred, offset copy of a rounded shape, drawn at a quarter of the size for speed.
void drawSoftShadow(QPainter &painter, const QRectF &rect, double radius, double blur, QPointF offset, int alpha)
{
    const double scale = 0.25;
    const QRectF area = rect.adjusted(-blur * 2, -blur * 2, blur * 2, blur * 2).translated(offset);
    const QSize small(std::max(1, int(std::ceil(area.width() * scale))), std::max(1, int(std::ceil(area.height() * scale))));
    QImage shadow(small, QImage::Format_ARGB32_Premultiplied);
    shadow.fill(Qt::transparent);
    {
        QPainter p(&shadow);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(scale, scale);
        p.translate(-area.topLeft() + offset);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(60, 35, 15, alpha));
        p.drawRoundedRect(rect, radius, radius);
    }
    // Three box-blur passes approximate a Gaussian.
    const int r = std::max(1, int(blur * scale / 2));
    for (int pass = 0; pass < 3; ++pass) {
        for (int dir = 0; dir < 2; ++dir) {
            QImage source = shadow.copy();
            const int w = shadow.width();
            const int h = shadow.height();
            for (int y = 0; y < h; ++y) {
                auto *out = reinterpret_cast<QRgb *>(shadow.scanLine(y));
                for (int x = 0; x < w; ++x) {
                    int sum[4] = {0, 0, 0, 0};
                    int n = 0;
                    for (int k = -r; k <= r; ++k) {
                        const int sx = dir == 0 ? x + k : x;
                        const int sy = dir == 0 ? y : y + k;
                        if (sx < 0 || sy < 0 || sx >= w || sy >= h) {
                            ++n;
                            continue;
                        }
                        const QRgb c = reinterpret_cast<const QRgb *>(source.constScanLine(sy))[sx];
                        sum[0] += qRed(c);
                        sum[1] += qGreen(c);
                        sum[2] += qBlue(c);
                        sum[3] += qAlpha(c);
                        ++n;
                    }
                    out[x] = qRgba(sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n);
                }
            }
        }
    }
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(area, shadow);
    painter.restore();
}

} // namespace

CardPainter::CardPainter(QImage &image, const QColor &plain) : m_image(image), m_plain(plain), m_painter(&image)
{
    const QSize frame = image.size();
    m_unit = std::min(frame.width(), frame.height()) / 1080.0;
    m_landscape = frame.width() > frame.height() * 1.2;
    m_portrait = frame.height() > frame.width() * 1.2;
    m_content = SafeArea::cardContent(frame);
    m_painter.setRenderHint(QPainter::Antialiasing);
    m_painter.setRenderHint(QPainter::TextAntialiasing);
}

QRectF CardPainter::panelRect() const
{
    // Leave room for the shadow inside the content area.
    return QRectF(m_content).adjusted(u(10), u(6), -u(10), -u(30));
}

QRectF CardPainter::sheetRect() const
{
    if (!m_portrait || plain())
        return panelRect();
    // 9:16: the sheet runs from near the top edge to near the bottom edge; the words stay in
    // panelRect() (inside the safe area), the captions get their band, the footer the rest.
    const double w = m_image.width();
    const double h = m_image.height();
    const double side = w * 0.035;
    return QRectF(side, h * 0.045, w - 2 * side, h * 0.915);
}

void CardPainter::background()
{
    if (m_plain.isValid()) {
        m_image.fill(m_plain);
        return;
    }
    QLinearGradient gradient(0, 0, m_image.width() * 0.3, m_image.height());
    gradient.setColorAt(0, kPaperTop);
    gradient.setColorAt(1, kPaperBottom);
    m_painter.fillRect(m_image.rect(), gradient);
    // Paper grain: a deterministic per-pixel speckle, slightly stronger in horizontal fibres.
    for (int y = 0; y < m_image.height(); ++y) {
        auto *row = reinterpret_cast<QRgb *>(m_image.scanLine(y));
        const int fibre = int(mix(quint32(y) * 2654435761U) % 7) - 3;
        for (int x = 0; x < m_image.width(); ++x) {
            const int noise = int(mix(quint32(x) * 73856093U ^ quint32(y) * 19349663U) % 9) - 4 + fibre / 2;
            const QRgb c = row[x];
            row[x] = qRgb(std::clamp(qRed(c) + noise, 0, 255), std::clamp(qGreen(c) + noise, 0, 255),
                          std::clamp(qBlue(c) + noise, 0, 255));
        }
    }
    // Confetti scattered around the edges (outside the sheet, behind everything).
    const QColor colours[] = {kTerracotta, kMustard, kTeal, QColor(0xE8, 0x8E, 0x7A)};
    const QRectF avoid = sheetRect().adjusted(-u(20), -u(20), u(20), u(20));
    for (quint32 i = 0; i < 70; ++i) {
        const QPointF p(unitRandom(i * 4 + 1) * m_image.width(), unitRandom(i * 4 + 2) * m_image.height());
        if (avoid.contains(p))
            continue;
        QColor c = colours[mix(i * 4 + 3) % 4];
        c.setAlpha(150);
        const double size = u(8 + 14 * unitRandom(i * 4 + 4));
        m_painter.save();
        m_painter.translate(p);
        m_painter.rotate(360 * unitRandom(i * 7 + 5));
        m_painter.setPen(Qt::NoPen);
        m_painter.setBrush(c);
        if (i % 3 == 0)
            m_painter.drawEllipse(QPointF(0, 0), size / 2, size / 2);
        else
            m_painter.drawRoundedRect(QRectF(-size / 2, -size / 4, size, size / 2), size / 8, size / 8);
        m_painter.restore();
    }
}

void CardPainter::sheet()
{
    const QRectF panel = sheetRect();
    const double radius = u(40);
    if (!m_plain.isValid())
        drawSoftShadow(m_painter, panel, radius, u(28), QPointF(0, u(12)), 70);
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(kPanel);
    m_painter.drawRoundedRect(panel, radius, radius);
    // Stitched border: a dashed line just inside the panel edge.
    QPen stitch(kStitch, u(4), Qt::CustomDashLine, Qt::RoundCap);
    stitch.setDashPattern({3, 3});
    m_painter.setPen(stitch);
    m_painter.setBrush(Qt::NoBrush);
    const double inset = u(22);
    m_painter.drawRoundedRect(panel.adjusted(inset, inset, -inset, -inset), radius - inset / 2, radius - inset / 2);
}

void CardPainter::captionBand()
{
    if (!m_portrait || plain())
        return;
    const QRectF sheet = sheetRect();
    const QRect band = SafeArea::captionBand(m_image.size());
    // The captions' own band: a soft tint across the sheet with a stitched seam above it.
    const QRectF tint(sheet.left() + u(22), band.top() - u(8), sheet.width() - u(44), band.height() + u(16));
    QColor fill = kStitch;
    fill.setAlpha(90);
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(fill);
    m_painter.drawRoundedRect(tint, u(26), u(26));
    QPen seam(kStitch, u(4), Qt::CustomDashLine, Qt::RoundCap);
    seam.setDashPattern({3, 3});
    m_painter.setPen(seam);
    m_painter.drawLine(QPointF(tint.left() + u(30), tint.top() - u(14)), QPointF(tint.right() - u(30), tint.top() - u(14)));
    // Footer under the band: a row of coloured stitches, in the zone phone apps may cover.
    const double footerTop = tint.bottom() + u(20);
    const double cy = (footerTop + sheet.bottom() - u(22)) / 2;
    const QColor colours[] = {kTerracotta, kMustard, kTeal};
    const int n = 9;
    const double gap = u(34);
    double x = sheet.center().x() - (n - 1) * gap / 2;
    m_painter.setPen(Qt::NoPen);
    for (int i = 0; i < n; ++i, x += gap) {
        QColor c = colours[i % 3];
        c.setAlpha(170);
        m_painter.setBrush(c);
        m_painter.drawEllipse(QPointF(x, cy), u(7), u(7));
    }
}

void CardPainter::tape()
{
    const QRectF panel = sheetRect();
    // Two strips of washi tape holding the "paper" panel down.
    const auto strip = [&](QPointF centre, double angle, const QColor &colour) {
        m_painter.save();
        m_painter.translate(centre);
        m_painter.rotate(angle);
        QColor c = colour;
        c.setAlpha(185);
        const QRectF r(-u(95), -u(26), u(190), u(52));
        m_painter.setPen(Qt::NoPen);
        m_painter.setBrush(c);
        m_painter.drawRect(r);
        QPen stripes(QColor(255, 255, 255, 70), u(6));
        m_painter.setPen(stripes);
        for (double x = r.left() + u(14); x < r.right(); x += u(28))
            m_painter.drawLine(QPointF(x, r.top()), QPointF(x - u(12), r.bottom()));
        m_painter.restore();
    };
    strip(panel.topLeft() + QPointF(u(40), u(8)), -38, kMustard);
    strip(panel.topRight() + QPointF(-u(40), u(8)), 38, kTeal);
}

QRectF CardPainter::pill(const QString &text, QPointF topLeft, double maxWidth, const QColor &fill, const QColor &ink, double px,
                         bool alignRight)
{
    const CardTextStyle style{CardText::textFamily(), QFont::Bold, px, px * 0.6, 1, 1.0, Qt::AlignCenter, ink, 108, true};
    const double padX = px * 0.9;
    const CardFittedText fitted = CardText::fit(text, style, maxWidth - 2 * padX, px * 2);
    if (fitted.lines.isEmpty())
        return QRectF(topLeft, QSizeF(0, 0));
    const QFontMetricsF metrics(fitted.font);
    const double w = std::min(maxWidth, metrics.horizontalAdvance(fitted.lines.first()) + 2 * padX);
    const double h = fitted.lineHeight + px * 0.7;
    QRectF r(topLeft, QSizeF(w, h));
    if (alignRight)
        r.moveRight(topLeft.x());
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(fill);
    m_painter.drawRoundedRect(r, h / 2, h / 2);
    CardText::draw(m_painter, fitted, QRectF(r.left(), r.top() + (h - fitted.lineHeight) / 2, r.width(), fitted.lineHeight), style);
    return r;
}

void CardPainter::squiggle(QPointF start, double width, const QColor &colour)
{
    QPainterPath path(start);
    const double wave = u(26);
    const int waves = std::max(2, int(width / wave));
    const double step = width / waves;
    for (int i = 0; i < waves; ++i) {
        const double x = start.x() + i * step;
        path.quadTo(QPointF(x + step / 2, start.y() + ((i % 2) ? u(10) : -u(10))), QPointF(x + step, start.y()));
    }
    m_painter.setPen(QPen(colour, u(7), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    m_painter.setBrush(Qt::NoBrush);
    m_painter.drawPath(path);
}

void CardPainter::checkMark(const QRectF &box, const QColor &colour, double width)
{
    QPainterPath tick;
    tick.moveTo(box.left() + box.width() * 0.22, box.top() + box.height() * 0.52);
    tick.lineTo(box.left() + box.width() * 0.43, box.top() + box.height() * 0.72);
    tick.lineTo(box.left() + box.width() * 0.80, box.top() + box.height() * 0.28);
    m_painter.setPen(QPen(colour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    m_painter.setBrush(Qt::NoBrush);
    m_painter.drawPath(tick);
}

void CardPainter::cornerBlobs(const QRectF &panel)
{
    if (m_portrait && !plain()) {
        // 9:16: the words end above the caption band, so the circles peek in from the sheet's
        // top-right corner instead of being cut off at the bottom of the words' panel.
        const QRectF sheet = sheetRect();
        m_painter.save();
        m_painter.setClipRect(sheet);
        m_painter.setPen(Qt::NoPen);
        QColor a = kMustard;
        a.setAlpha(55);
        m_painter.setBrush(a);
        m_painter.drawEllipse(QPointF(sheet.right() - u(10), sheet.top() + u(120)), u(200), u(200));
        QColor b = kTerracotta;
        b.setAlpha(35);
        m_painter.setBrush(b);
        m_painter.drawEllipse(QPointF(sheet.right() - u(220), sheet.top() + u(20)), u(110), u(110));
        m_painter.restore();
        return;
    }
    m_painter.setPen(Qt::NoPen);
    QColor a = kMustard;
    a.setAlpha(60);
    m_painter.setBrush(a);
    m_painter.drawEllipse(QPointF(panel.right() - u(30), panel.bottom() - u(20)), u(190), u(190));
    QColor b = kTerracotta;
    b.setAlpha(40);
    m_painter.setBrush(b);
    m_painter.drawEllipse(QPointF(panel.right() - u(230), panel.bottom() + u(40)), u(120), u(120));
}

void CardPainter::progressDots(const QRectF &area, int current, int count)
{
    count = std::clamp(count, 0, 12);
    if (count <= 1)
        return;
    const double d = std::min(u(22), area.width() / (count * 1.8));
    double x = area.right() - d;
    for (int i = count; i >= 1; --i) {
        m_painter.setPen(i <= current ? Qt::NoPen : QPen(kStitch, u(3)));
        m_painter.setBrush(i < current ? kMustard : i == current ? kTerracotta : QColor(Qt::transparent));
        m_painter.drawEllipse(QRectF(x, area.center().y() - d / 2, d, d));
        x -= d * 1.8;
    }
}

void CardPainter::numberBadge(const QRectF &circle, int number)
{
    m_painter.setPen(Qt::NoPen);
    QColor ring = kMustard;
    ring.setAlpha(70);
    m_painter.setBrush(ring);
    m_painter.drawEllipse(circle.adjusted(-u(16), -u(16), u(16), u(16)));
    m_painter.setBrush(kMustard);
    m_painter.drawEllipse(circle);
    const CardTextStyle digits{CardText::displayFamily(), QFont::ExtraBold, circle.height() * 0.62, u(30), 1, 1.0,
                               Qt::AlignCenter,           Qt::white};
    const CardFittedText f =
        CardText::fit(QString::number(std::max(0, number)), digits, circle.width() * 0.8, circle.height() * 0.9);
    CardText::draw(m_painter, f, QRectF(circle.left(), circle.center().y() - f.height() / 2, circle.width(), 0), digits);
}

double CardPainter::keyline(const QString &text, const QRectF &area, double maxPx)
{
    if (text.trimmed().isEmpty() || area.height() < u(40))
        return 0;
    const CardTextStyle body{CardText::textFamily(), QFont::Normal, maxPx, u(m_portrait ? 34 : 24), 8, 1.12,
                             Qt::AlignLeft,          kMuted};
    const double bar = u(10);
    const CardFittedText f = CardText::fit(text, body, area.width() - bar - u(34), area.height());
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(kTeal);
    m_painter.drawRoundedRect(QRectF(area.left(), area.top() + u(4), bar, std::max(u(20), f.height() - u(8))), bar / 2, bar / 2);
    CardText::draw(m_painter, f, QRectF(area.left() + bar + u(34), area.top(), area.width() - bar - u(34), 0), body);
    return f.height();
}

} // namespace diy
