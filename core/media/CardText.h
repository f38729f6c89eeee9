#pragma once

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QStringList>

class QPainter;

namespace diy {

/// How one piece of card text looks: the largest size it may take, the smallest it may shrink to,
/// how many lines it may wrap onto.
struct CardTextStyle {
    QString family;
    QFont::Weight weight = QFont::Normal;
    double maxPx = 40;
    double minPx = 16;
    int maxLines = 3;
    double lineSpacing = 1.0; ///< multiple of the font's line spacing
    Qt::Alignment align = Qt::AlignLeft;
    QColor colour;
    double letterSpacing = 0; ///< percent, 100 = normal
    bool upper = false;
};

/// Text fitted into a box: the font size chosen and the wrapped lines.
struct CardFittedText {
    QFont font;
    QStringList lines;
    double lineHeight = 0;
    double height() const { return lines.size() * lineHeight; }
};

/// Fitting and drawing of card text, and the card fonts.
class CardText {
public:
    static const QString &displayFamily();
    static const QString &textFamily();

    /// The largest font size (maxPx down to minPx) at which the text fits width x maxHeight within
    /// maxLines; at the minimum size the text is cut with an ellipsis instead of overflowing.
    static CardFittedText fit(const QString &text, const CardTextStyle &style, double width, double maxHeight);
    /// Draws fitted lines from box.top(); returns the height used. Glyphs are filled as paths: Qt's
    /// glyph cache otherwise makes a glyph's first rendering differ from later ones by a few pixels.
    static double draw(QPainter &painter, const CardFittedText &text, const QRectF &box, const CardTextStyle &style);
};

} // namespace diy
