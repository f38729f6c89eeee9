#pragma once

#include <QColor>
#include <QSize>
#include <QString>

namespace diy {

/// How burned-in captions look. Sizes are in pixels for a frame whose short side is 1080 px
/// (1080x1920, 1920x1080, 1080x1080 all get the same size) and scale with smaller frames.
struct CaptionStyle {
    enum class Position { Bottom, Center, Top };

    QString fontFamily = QStringLiteral("Noto Sans");
    int fontSize = 64;
    QColor primary = Qt::white;
    QColor outline = Qt::black;
    int outlineWidth = 4;
    Position position = Position::Bottom;
    bool box = true; ///< semi-transparent background box behind the text

    /// The font size in pixels for this frame.
    int pixelSize(QSize frame) const;
    int scaledOutline(QSize frame) const;
    /// Horizontal room for one caption line: the safe-area width minus the box padding.
    int maxLineWidth(QSize frame) const;
    /// Stable text of every field, for cache keys.
    QString cacheKey() const;
};

} // namespace diy
