#pragma once

#include "media/CardText.h"

#include <QImage>
#include <QPainter>

namespace diy {

/// The canvas and building blocks of the built-in cards, in one warm "craft paper" theme:
/// background, the paper panel, the caption band, tape, pills, ticks, number badges. CardLayout
/// places the words of each card kind with these.
class CardPainter {
public:
    // One warm "craft table" palette.
    static const QColor kPaperTop;
    static const QColor kPaperBottom;
    static const QColor kPanel;
    static const QColor kInk;
    static const QColor kMuted;
    static const QColor kTerracotta;
    static const QColor kMustard;
    static const QColor kTeal;
    static const QColor kStitch;
    static const QColor kRowTint;

    /// `plain`: the test mode (one flat background, nothing decorative outside the text panel).
    CardPainter(QImage &image, const QColor &plain);

    QPainter &painter() { return m_painter; }
    double u(double v) const { return v * m_unit; }
    bool landscape() const { return m_landscape; }
    bool portrait() const { return m_portrait; }
    bool plain() const { return m_plain.isValid(); }

    /// Where the words go: the safe area minus the caption band, with room for the shadow.
    QRectF panelRect() const;
    /// The paper sheet drawn behind the words. In 9:16 it spans the whole frame (with a band for
    /// the captions and a footer below it) so no part of a vertical video is left empty.
    QRectF sheetRect() const;

    void background();
    void sheet();
    /// The tinted band that captions are burned into, and the footer under it (9:16).
    void captionBand();
    void tape();

    /// A rounded pill with centred text; returns its rectangle.
    QRectF pill(const QString &text, QPointF topLeft, double maxWidth, const QColor &fill, const QColor &ink, double px,
                bool alignRight = false);
    void squiggle(QPointF start, double width, const QColor &colour);
    void checkMark(const QRectF &box, const QColor &colour, double width);
    /// Decorative circles peeking in from a panel corner (clip to the panel first).
    void cornerBlobs(const QRectF &panel);
    void progressDots(const QRectF &area, int current, int count);
    void numberBadge(const QRectF &circle, int number);
    /// A body text with a coloured bar on its left; returns the height used.
    double keyline(const QString &text, const QRectF &area, double maxPx);

private:
    QImage &m_image;
    QColor m_plain;
    QPainter m_painter;
    QRect m_content;
    double m_unit = 1;
    bool m_landscape = false;
    bool m_portrait = false;
};

} // namespace diy
