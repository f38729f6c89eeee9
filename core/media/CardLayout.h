#pragma once

#include "media/CardContent.h"

#include <QRectF>

namespace diy {

class CardPainter;

/// Places the words and ornaments of each card kind (title, materials checklist, numbered step,
/// completion) on a CardPainter, inside its text panel.
class CardLayout {
public:
    explicit CardLayout(CardPainter &painter) : m_p(painter) {}

    /// Background, sheet, caption band, the card's content, tape.
    void paint(const CardContent &content);

    /// How many columns a materials checklist of `items` rows takes on this frame shape.
    static int checklistColumns(int items, bool portrait, bool landscape);

private:
    void titleCard(const CardContent &c, const QRectF &panel, const QRectF &inner);
    void materialsCard(const CardContent &c, const QRectF &inner);
    void stepCard(const CardContent &c, const QRectF &inner);
    void completionCard(const CardContent &c, const QRectF &panel, const QRectF &inner);

    CardPainter &m_p;
};

} // namespace diy
