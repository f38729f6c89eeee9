#include "media/SafeArea.h"

#include <cmath>

namespace diy {

namespace {
int scaled(int length, double fraction)
{
    return static_cast<int>(std::lround(length * fraction));
}
} // namespace

QRect SafeArea::of(QSize frame)
{
    const int w = frame.width();
    const int h = frame.height();
    if (w <= 0 || h <= 0)
        return {};
    double side = 0.05;
    double top = 0.05;
    double bottom = 0.05;
    if (h > w * 1.2) { // vertical: phone UI overlays at top and bottom, buttons on the right
        side = 0.06;
        top = 0.12;
        bottom = 0.18;
    } else if (h * 1.2 >= w) { // square: feeds put a caption bar at the bottom
        top = 0.06;
        bottom = 0.10;
    }
    const int left = scaled(w, side);
    const int right = w - scaled(w, side);
    const int topPx = scaled(h, top);
    const int bottomPx = h - scaled(h, bottom);
    return QRect(QPoint(left, topPx), QPoint(right - 1, bottomPx - 1));
}

QRect SafeArea::captionBand(QSize frame)
{
    const QRect safe = of(frame);
    // Two caption lines at the default size (64 px per 1080 px of the short side) plus padding.
    const double unit = std::min(frame.width(), frame.height()) / 1080.0;
    const int band = std::min(safe.height() / 3, static_cast<int>(std::lround(unit * 250)));
    return QRect(safe.left(), safe.bottom() - band + 1, safe.width(), band);
}

QRect SafeArea::cardContent(QSize frame)
{
    const QRect safe = of(frame);
    const QRect band = captionBand(frame);
    return QRect(safe.left(), safe.top(), safe.width(), band.top() - safe.top());
}

} // namespace diy
