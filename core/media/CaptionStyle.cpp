#include "media/CaptionStyle.h"

#include "media/SafeArea.h"

#include <algorithm>
#include <cmath>

namespace diy {

namespace {
double unit(QSize frame)
{
    return std::min(frame.width(), frame.height()) / 1080.0;
}
} // namespace

int CaptionStyle::pixelSize(QSize frame) const
{
    return std::max(6, static_cast<int>(std::lround(fontSize * unit(frame))));
}

int CaptionStyle::scaledOutline(QSize frame) const
{
    if (outlineWidth <= 0)
        return 0;
    return std::max(1, static_cast<int>(std::lround(outlineWidth * unit(frame))));
}

int CaptionStyle::maxLineWidth(QSize frame) const
{
    const QRect safe = SafeArea::of(frame);
    // Box padding and outline on both sides, plus 4% slack between Qt's and libass's metrics.
    const int padding = 2 * (pixelSize(frame) / 4 + scaledOutline(frame));
    return std::max(1, static_cast<int>((safe.width() - padding) * 0.96));
}

QString CaptionStyle::cacheKey() const
{
    const char *pos = position == Position::Bottom ? "bottom" : position == Position::Center ? "center" : "top";
    return QStringLiteral("captions-v1|%1|%2|%3|%4|%5|%6|%7")
        .arg(fontFamily)
        .arg(fontSize)
        .arg(primary.name(QColor::HexArgb), outline.name(QColor::HexArgb))
        .arg(outlineWidth)
        .arg(QLatin1String(pos))
        .arg(box ? 1 : 0);
}

} // namespace diy
