#include "media/CardRenderer.h"

#include "media/SafeArea.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace diy {

namespace {

// One warm "craft table" palette.
const QColor kPaperTop(0xF8, 0xEE, 0xDF);
const QColor kPaperBottom(0xEE, 0xD9, 0xBD);
const QColor kPanel(0xFF, 0xFC, 0xF6);
const QColor kInk(0x3A, 0x2A, 0x1F);
const QColor kMuted(0x7D, 0x64, 0x52);
const QColor kTerracotta(0xD3, 0x5F, 0x37);
const QColor kMustard(0xEA, 0xB2, 0x45);
const QColor kTeal(0x2A, 0x86, 0x7E);
const QColor kStitch(0xE4, 0xCD, 0xAE);
const QColor kRowTint(0xF8, 0xF0, 0xE4);

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

QString pickFamily(const QStringList &preferred)
{
    const QStringList installed = QFontDatabase::families();
    for (const QString &family : preferred)
        if (installed.contains(family))
            return family;
    return QFontDatabase::systemFont(QFontDatabase::GeneralFont).family();
}

const QString &displayFamily()
{
    static const QString family = pickFamily(
        {QStringLiteral("Noto Sans Display"), QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans")});
    return family;
}

const QString &textFamily()
{
    static const QString family = pickFamily({QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans")});
    return family;
}

struct TextStyle {
    QString family;
    QFont::Weight weight = QFont::Normal;
    double maxPx = 40;
    double minPx = 16;
    int maxLines = 3;
    double lineSpacing = 1.0; ///< multiple of the font's line spacing
    Qt::Alignment align = Qt::AlignLeft;
    QColor colour = kInk;
    double letterSpacing = 0; ///< percent, 100 = normal
    bool upper = false;
};

struct FittedText {
    QFont font;
    QStringList lines;
    double lineHeight = 0;
    double height() const { return lines.size() * lineHeight; }
};

QFont makeFont(const TextStyle &style, int px)
{
    QFont font(style.family);
    font.setPixelSize(std::max(1, px));
    font.setWeight(style.weight);
    font.setHintingPreference(QFont::PreferNoHinting);
    if (style.letterSpacing > 0)
        font.setLetterSpacing(QFont::PercentageSpacing, style.letterSpacing);
    return font;
}

QStringList wrap(const QString &text, const QFont &font, double width)
{
    QStringList lines;
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        lines.append(text.mid(line.textStart(), line.textLength()).trimmed());
    }
    layout.endLayout();
    return lines;
}

/// The largest font size (maxPx down to minPx) at which the text fits width x maxHeight within
/// maxLines; at the minimum size the text is cut with an ellipsis instead of overflowing.
FittedText fit(const QString &rawText, const TextStyle &style, double width, double maxHeight)
{
    QString text = rawText.simplified();
    if (style.upper)
        text = text.toUpper();
    FittedText fitted;
    if (text.isEmpty() || width <= 0 || maxHeight <= 0)
        return fitted;
    const int maxPx = static_cast<int>(std::floor(style.maxPx));
    const int minPx = std::max(1, static_cast<int>(std::floor(style.minPx)));
    for (int px = maxPx; px >= minPx; px = (px == minPx) ? minPx - 1 : std::max(minPx, static_cast<int>(px * 0.94))) {
        fitted.font = makeFont(style, px);
        const QFontMetricsF metrics(fitted.font);
        fitted.lineHeight = metrics.lineSpacing() * style.lineSpacing;
        fitted.lines = wrap(text, fitted.font, width);
        if (fitted.lines.size() <= style.maxLines && fitted.height() <= maxHeight + 0.5)
            return fitted;
    }
    // Still too long at the smallest size: keep what fits and end with an ellipsis.
    fitted.font = makeFont(style, minPx);
    const QFontMetricsF metrics(fitted.font);
    fitted.lineHeight = metrics.lineSpacing() * style.lineSpacing;
    const int room = std::max(1, std::min(style.maxLines, static_cast<int>(maxHeight / fitted.lineHeight)));
    QStringList lines = wrap(text, fitted.font, width);
    if (lines.size() > room) {
        QString last = lines.mid(room - 1).join(QLatin1Char(' '));
        lines = lines.mid(0, room - 1);
        lines.append(metrics.elidedText(last + QStringLiteral(" …"), Qt::ElideRight, width));
    }
    fitted.lines = lines;
    return fitted;
}

/// Draws fitted lines from box.top(); returns the height used. Glyphs are filled as paths: Qt's
/// glyph cache otherwise makes a glyph's first rendering differ from later ones by a few pixels.
double draw(QPainter &painter, const FittedText &text, const QRectF &box, const TextStyle &style)
{
    const QFontMetricsF metrics(text.font);
    QPainterPath path;
    double y = box.top();
    for (const QString &line : text.lines) {
        const double width = metrics.horizontalAdvance(line);
        double x = box.left();
        if (style.align & Qt::AlignHCenter)
            x = box.left() + (box.width() - width) / 2;
        else if (style.align & Qt::AlignRight)
            x = box.right() - width;
        const double baseline = y + (text.lineHeight - metrics.height()) / 2 + metrics.ascent();
        path.addText(QPointF(x, baseline), text.font, line);
        y += text.lineHeight;
    }
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(style.colour);
    painter.drawPath(path);
    painter.restore();
    return text.height();
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

class CardPainter {
public:
    CardPainter(QImage &image, const QColor &plain) : m_image(image), m_plain(plain), m_painter(&image)
    {
        const QSize frame = image.size();
        m_unit = std::min(frame.width(), frame.height()) / 1080.0;
        m_landscape = frame.width() > frame.height() * 1.2;
        m_portrait = frame.height() > frame.width() * 1.2;
        m_content = SafeArea::cardContent(frame);
        m_painter.setRenderHint(QPainter::Antialiasing);
        m_painter.setRenderHint(QPainter::TextAntialiasing);
    }

    double u(double v) const { return v * m_unit; }

    void paint(const CardContent &content)
    {
        background();
        const QRectF panel = panelRect();
        panelBase(panel);
        m_painter.save();
        // Text and ornaments can never leave the panel (and so the safe area).
        m_painter.setClipRect(panel);
        const QRectF inner = panel.adjusted(u(64), u(64), -u(64), -u(60));
        switch (content.kind) {
        case CardContent::Kind::Title: titleCard(content, panel, inner); break;
        case CardContent::Kind::Materials: materialsCard(content, panel, inner); break;
        case CardContent::Kind::Step: stepCard(content, panel, inner); break;
        case CardContent::Kind::Completion: completionCard(content, panel, inner); break;
        }
        m_painter.restore();
        if (m_plain.isValid())
            return;
        tape(panel);
    }

private:
    QRectF panelRect() const
    {
        // Leave room for the shadow inside the content area.
        return QRectF(m_content).adjusted(u(10), u(6), -u(10), -u(30));
    }

    void background()
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
        // Confetti scattered around the edges (outside the panel, behind everything).
        const QColor colours[] = {kTerracotta, kMustard, kTeal, QColor(0xE8, 0x8E, 0x7A)};
        const QRectF avoid = panelRect().adjusted(-u(20), -u(20), u(20), u(20));
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

    void panelBase(const QRectF &panel)
    {
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

    void tape(const QRectF &panel)
    {
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

    // ---- building blocks -------------------------------------------------------------------

    /// A rounded pill with centred text; returns its rectangle.
    QRectF pill(const QString &text, QPointF topLeft, double maxWidth, const QColor &fill, const QColor &ink,
                double px, bool alignRight = false)
    {
        TextStyle style{textFamily(), QFont::Bold, px, px * 0.6, 1, 1.0, Qt::AlignCenter, ink, 108, true};
        const double padX = px * 0.9;
        const FittedText fitted = fit(text, style, maxWidth - 2 * padX, px * 2);
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
        draw(m_painter, fitted, QRectF(r.left(), r.top() + (h - fitted.lineHeight) / 2, r.width(), fitted.lineHeight), style);
        return r;
    }

    void squiggle(QPointF start, double width, const QColor &colour)
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

    void checkMark(const QRectF &box, const QColor &colour, double width)
    {
        QPainterPath tick;
        tick.moveTo(box.left() + box.width() * 0.22, box.top() + box.height() * 0.52);
        tick.lineTo(box.left() + box.width() * 0.43, box.top() + box.height() * 0.72);
        tick.lineTo(box.left() + box.width() * 0.80, box.top() + box.height() * 0.28);
        m_painter.setPen(QPen(colour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        m_painter.setBrush(Qt::NoBrush);
        m_painter.drawPath(tick);
    }

    /// Decorative circles peeking in from a panel corner (clipped to the panel).
    void cornerBlobs(const QRectF &panel)
    {
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

    // ---- cards -------------------------------------------------------------------------------

    void titleCard(const CardContent &c, const QRectF &panel, const QRectF &inner)
    {
        cornerBlobs(panel);
        double y = inner.top();
        if (!c.badge.trimmed().isEmpty())
            y = pill(c.badge, QPointF(inner.left(), y), inner.width(), kTeal, Qt::white, u(30)).bottom() + u(40);
        else
            y += u(20);
        const TextStyle kicker{textFamily(), QFont::Bold, u(30), u(22), 1, 1.0, Qt::AlignLeft, kTerracotta, 115, true};
        const FittedText k = fit(QStringLiteral("DIY project"), kicker, inner.width(), u(60));
        const double bodyReserve = c.body.trimmed().isEmpty() ? 0 : std::min(inner.height() * 0.32, u(320));
        const double titleRoom = inner.bottom() - y - k.height() - u(10) - bodyReserve - u(70);
        const TextStyle title{displayFamily(), QFont::ExtraBold, u(m_landscape ? 118 : 124), u(40), 6, 0.98, Qt::AlignLeft, kInk};
        const FittedText t = fit(c.title, title, inner.width(), titleRoom);
        const TextStyle body{textFamily(), QFont::Normal, u(46), u(22), 6, 1.1, Qt::AlignLeft, kMuted};
        const double bodyWidth = inner.width() * (m_landscape ? 0.75 : 1.0);
        const double bodyRoom = inner.bottom() - (y + k.height() + u(10) + t.height() + u(70));
        const FittedText b = bodyReserve > 0 ? fit(c.body, body, bodyWidth, bodyRoom) : FittedText();
        // Centre the kicker/title/body block in the room below the badge (optically a bit high).
        const double block = k.height() + u(10) + t.height() + u(70) + b.height();
        y += std::max(0.0, (inner.bottom() - y - block) * 0.42);
        y += draw(m_painter, k, QRectF(inner.left(), y, inner.width(), 0), kicker) + u(10);
        y += draw(m_painter, t, QRectF(inner.left(), y, inner.width(), 0), title);
        squiggle(QPointF(inner.left() + u(4), y + u(30)), std::min(inner.width() * 0.45, u(320)), kTerracotta);
        y += u(70);
        draw(m_painter, b, QRectF(inner.left(), y, bodyWidth, 0), body);
    }

    void materialsCard(const CardContent &c, const QRectF &panel, const QRectF &inner)
    {
        Q_UNUSED(panel);
        double y = inner.top();
        const TextStyle kicker{textFamily(), QFont::Bold, u(30), u(22), 1, 1.0, Qt::AlignLeft, kTerracotta, 115, true};
        y += draw(m_painter, fit(QStringLiteral("You will need"), kicker, inner.width(), u(60)), QRectF(inner.left(), y, inner.width(), 0), kicker) + u(6);
        const QString heading = c.title.trimmed().isEmpty() ? QStringLiteral("Materials") : c.title;
        const TextStyle title{displayFamily(), QFont::ExtraBold, u(88), u(36), 2, 0.98, Qt::AlignLeft, kInk};
        y += draw(m_painter, fit(heading, title, inner.width(), inner.height() * 0.22), QRectF(inner.left(), y, inner.width(), 0), title);
        y += u(34);

        QStringList items;
        for (const QString &item : c.checklist)
            if (!item.trimmed().isEmpty())
                items.append(item.trimmed());
        if (items.size() > 6) {
            const qsizetype more = items.size() - 5;
            items = items.mid(0, 5);
            items.append(QStringLiteral("+ %1 more").arg(more));
        }
        if (items.isEmpty())
            return;
        const int columns = (m_landscape && items.size() > 3) ? 2 : 1;
        const int rows = int((items.size() + columns - 1) / columns);
        const double gap = u(18);
        const double colGap = u(30);
        const double colWidth = (inner.width() - (columns - 1) * colGap) / columns;
        const double rowHeight = std::min(u(150), (inner.bottom() - y - (rows - 1) * gap) / rows);
        const double box = std::min(u(56), rowHeight * 0.6);
        const double textX = u(22) + box + u(26);
        // One font size for all rows: the largest at which every item fits its row.
        TextStyle item{textFamily(), QFont::DemiBold, u(50), u(20), 2, 1.0, Qt::AlignLeft, kInk};
        double px = item.maxPx;
        for (const QString &text : items) {
            TextStyle probe = item;
            probe.maxPx = px;
            const FittedText f = fit(text, probe, colWidth - textX - u(20), rowHeight - u(16));
            px = std::min(px, double(f.font.pixelSize()));
        }
        item.maxPx = px;
        for (int i = 0; i < items.size(); ++i) {
            const int col = i / rows;
            const int row = i % rows;
            const QRectF r(inner.left() + col * (colWidth + colGap), y + row * (rowHeight + gap), colWidth, rowHeight);
            m_painter.setPen(Qt::NoPen);
            m_painter.setBrush(kRowTint);
            m_painter.drawRoundedRect(r, u(22), u(22));
            const QRectF check(r.left() + u(22), r.center().y() - box / 2, box, box);
            m_painter.setPen(QPen(kTerracotta, u(5)));
            m_painter.setBrush(Qt::white);
            m_painter.drawRoundedRect(check, u(12), u(12));
            if (!items.at(i).startsWith(QStringLiteral("+ ")))
                checkMark(check.adjusted(-u(2), -u(8), u(8), u(2)), kTeal, u(9));
            const FittedText f = fit(items.at(i), item, r.width() - textX - u(20), rowHeight - u(16));
            draw(m_painter, f, QRectF(r.left() + textX, r.center().y() - f.height() / 2, r.width() - textX - u(20), 0), item);
        }
    }

    void progressDots(const QRectF &area, int current, int count)
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

    void numberBadge(const QRectF &circle, int number)
    {
        m_painter.setPen(Qt::NoPen);
        QColor ring = kMustard;
        ring.setAlpha(70);
        m_painter.setBrush(ring);
        m_painter.drawEllipse(circle.adjusted(-u(16), -u(16), u(16), u(16)));
        m_painter.setBrush(kMustard);
        m_painter.drawEllipse(circle);
        const TextStyle digits{displayFamily(), QFont::ExtraBold, circle.height() * 0.62, u(30), 1, 1.0, Qt::AlignCenter, Qt::white};
        const FittedText f = fit(QString::number(std::max(0, number)), digits, circle.width() * 0.8, circle.height() * 0.9);
        draw(m_painter, f, QRectF(circle.left(), circle.center().y() - f.height() / 2, circle.width(), 0), digits);
    }

    void keyline(const QString &text, const QRectF &area)
    {
        if (text.trimmed().isEmpty() || area.height() < u(40))
            return;
        const TextStyle body{textFamily(), QFont::Normal, u(m_portrait ? 46 : 42), u(20), 8, 1.12, Qt::AlignLeft, kMuted};
        const double bar = u(10);
        const FittedText f = fit(text, body, area.width() - bar - u(34), area.height());
        m_painter.setPen(Qt::NoPen);
        m_painter.setBrush(kTeal);
        m_painter.drawRoundedRect(QRectF(area.left(), area.top() + u(4), bar, std::max(u(20), f.height() - u(8))), bar / 2, bar / 2);
        draw(m_painter, f, QRectF(area.left() + bar + u(34), area.top(), area.width() - bar - u(34), 0), body);
    }

    void stepCard(const CardContent &c, const QRectF &panel, const QRectF &inner)
    {
        Q_UNUSED(panel);
        const QString label = c.stepCount > 0 ? QStringLiteral("Step %1 of %2").arg(c.stepNumber).arg(c.stepCount)
                                              : QStringLiteral("Step %1").arg(c.stepNumber);
        const QRectF labelRect = pill(label, inner.topLeft(), inner.width() * 0.6, kTerracotta, Qt::white, u(30));
        progressDots(QRectF(labelRect.right() + u(20), labelRect.top(), inner.right() - labelRect.right() - u(20), labelRect.height()),
                     c.stepNumber, c.stepCount);
        double top = labelRect.bottom() + u(44);
        const TextStyle title{displayFamily(), QFont::ExtraBold, u(92), u(34), 4, 0.98, Qt::AlignLeft, kInk};
        if (!m_portrait) {
            const double d = std::min(u(m_landscape ? 300 : 220), inner.bottom() - top - u(20));
            numberBadge(QRectF(inner.left() + u(20), top + u(10), d, d), c.stepNumber);
            const QRectF text(inner.left() + d + u(80), top, inner.width() - d - u(80), inner.bottom() - top);
            const FittedText t = fit(c.title, title, text.width(), text.height() * 0.5);
            const double used = draw(m_painter, t, text, title);
            keyline(c.body, QRectF(text.left(), text.top() + used + u(30), text.width(), text.bottom() - text.top() - used - u(30)));
        } else {
            const double d = std::min(u(m_portrait ? 250 : 190), (inner.bottom() - top) * 0.3);
            numberBadge(QRectF(inner.left() + u(18), top + u(18), d, d), c.stepNumber);
            top += d + u(70);
            const FittedText t = fit(c.title, title, inner.width(), (inner.bottom() - top) * 0.5);
            top += draw(m_painter, t, QRectF(inner.left(), top, inner.width(), 0), title) + u(36);
            keyline(c.body, QRectF(inner.left(), top, inner.width(), inner.bottom() - top));
        }
    }

    void completionCard(const CardContent &c, const QRectF &panel, const QRectF &inner)
    {
        cornerBlobs(panel);
        double y = inner.top();
        if (!c.badge.trimmed().isEmpty())
            y = pill(c.badge, QPointF(inner.left(), y), inner.width(), kTeal, Qt::white, u(30)).bottom() + u(30);
        const double d = m_portrait ? std::min(u(240), inner.height() * 0.28) : std::min(u(m_landscape ? 260 : 200), inner.bottom() - y - u(80));
        const QRectF circle(inner.left() + u(50), y + u(50), d, d);
        // Rays of confetti around a big tick.
        for (int i = 0; i < 12; ++i) {
            const double a = i * M_PI / 6;
            const QPointF centre = circle.center() + QPointF(std::cos(a), std::sin(a)) * (d * 0.5 + u(34));
            m_painter.setPen(Qt::NoPen);
            m_painter.setBrush(i % 3 == 0 ? kTerracotta : i % 3 == 1 ? kMustard : kTeal);
            m_painter.drawEllipse(centre, u(8), u(8));
        }
        m_painter.setBrush(kTeal);
        m_painter.drawEllipse(circle);
        checkMark(circle.adjusted(d * 0.18, d * 0.2, -d * 0.18, -d * 0.16), Qt::white, d * 0.1);
        QRectF text;
        if (m_portrait)
            text = QRectF(inner.left(), circle.bottom() + u(90), inner.width(), inner.bottom() - circle.bottom() - u(90));
        else
            text = QRectF(circle.right() + u(100), y + u(10), inner.right() - circle.right() - u(100), inner.bottom() - y - u(10));
        const QString heading = c.title.trimmed().isEmpty() ? QStringLiteral("You did it!") : c.title;
        const double bodyReserve = c.body.trimmed().isEmpty() ? 0 : std::min(text.height() * 0.45, u(330));
        const TextStyle title{displayFamily(), QFont::ExtraBold, u(110), u(38), 4, 0.98, Qt::AlignLeft, kInk};
        const FittedText t = fit(heading, title, text.width(), text.height() - bodyReserve - u(40));
        const TextStyle body{textFamily(), QFont::Normal, u(46), u(22), 6, 1.12, Qt::AlignLeft, kMuted};
        const FittedText b = bodyReserve > 0 ? fit(c.body, body, text.width(), text.height() - t.height() - u(36)) : FittedText();
        double ty = text.top();
        if (!m_portrait) // centre the words on the badge
            ty = std::max(text.top(), circle.center().y() - (t.height() + u(36) + b.height()) / 2);
        ty += draw(m_painter, t, QRectF(text.left(), ty, text.width(), 0), title) + u(36);
        draw(m_painter, b, QRectF(text.left(), ty, text.width(), 0), body);
    }

    QImage &m_image;
    QColor m_plain;
    QPainter m_painter;
    QRect m_content;
    double m_unit = 1;
    bool m_landscape = false;
    bool m_portrait = false;
};

} // namespace

CardRenderer::CardRenderer(QSize frame) : m_frame(frame) {}

int CardRenderer::engineVersion()
{
    return 1;
}

QImage CardRenderer::render(const CardContent &content) const
{
    QImage image(m_frame.isEmpty() ? QSize(2, 2) : m_frame, QImage::Format_RGB32);
    image.fill(m_plainBackground.isValid() ? m_plainBackground : kPaperTop);
    {
        CardPainter painter(image, m_plainBackground);
        painter.paint(content);
    }
    return image;
}

} // namespace diy
