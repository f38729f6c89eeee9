#include "media/CardText.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace diy {

namespace {

QString pickFamily(const QStringList &preferred)
{
    const QStringList installed = QFontDatabase::families();
    for (const QString &family : preferred)
        if (installed.contains(family))
            return family;
    return QFontDatabase::systemFont(QFontDatabase::GeneralFont).family();
}

QFont makeFont(const CardTextStyle &style, int px)
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

} // namespace

const QString &CardText::displayFamily()
{
    static const QString family =
        pickFamily({QStringLiteral("Noto Sans Display"), QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans")});
    return family;
}

const QString &CardText::textFamily()
{
    static const QString family = pickFamily({QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans")});
    return family;
}

CardFittedText CardText::fit(const QString &rawText, const CardTextStyle &style, double width, double maxHeight)
{
    QString text = rawText.simplified();
    if (style.upper)
        text = text.toUpper();
    CardFittedText fitted;
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

double CardText::draw(QPainter &painter, const CardFittedText &text, const QRectF &box, const CardTextStyle &style)
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

} // namespace diy
