#pragma once

#include "media/CardContent.h"

#include <QColor>
#include <QImage>
#include <QSize>

namespace diy {

/// Draws the offline engine's scene images (title, materials checklist, numbered step, completion)
/// with QPainter in one warm "craft paper" theme. Deterministic: the same content and size give the
/// same pixels. All text stays inside SafeArea::cardContent(); the caption band at the bottom of the
/// safe area is left free. Needs a QGuiApplication (fonts); works on the offscreen platform.
class CardRenderer {
public:
    explicit CardRenderer(QSize frame);

    QImage render(const CardContent &content) const;
    QSize frameSize() const { return m_frame; }

    /// Test hook: fill the background with one plain colour and draw nothing decorative outside
    /// the safe area, so a test can prove by pixels that nothing else leaves it.
    void setPlainBackground(const QColor &colour) { m_plainBackground = colour; }

    /// Bumped whenever the drawing changes (part of every cache key).
    static int engineVersion();

private:
    QSize m_frame;
    QColor m_plainBackground;
};

} // namespace diy
