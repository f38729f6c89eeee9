#include "media/CardLayout.h"

#include "media/CardPainter.h"

#include <algorithm>
#include <cmath>

namespace diy {

namespace {
using P = CardPainter;
} // namespace

int CardLayout::checklistColumns(int items, bool portrait, bool landscape)
{
    if (landscape)
        return items > 3 ? 2 : 1;
    if (portrait)
        return items > 6 ? 2 : 1;
    return items > 5 ? 2 : 1;
}

void CardLayout::paint(const CardContent &content)
{
    m_p.background();
    m_p.sheet();
    m_p.captionBand();
    const QRectF panel = m_p.panelRect();
    QPainter &painter = m_p.painter();
    painter.save();
    // Text and ornaments can never leave the panel (and so the safe area).
    painter.setClipRect(panel);
    const double margin = m_p.u(m_p.portrait() ? 48 : 64);
    const QRectF inner = panel.adjusted(margin, margin, -margin, -m_p.u(60));
    switch (content.kind) {
    case CardContent::Kind::Title: titleCard(content, panel, inner); break;
    case CardContent::Kind::Materials: materialsCard(content, inner); break;
    case CardContent::Kind::Step: stepCard(content, inner); break;
    case CardContent::Kind::Completion: completionCard(content, panel, inner); break;
    }
    painter.restore();
    if (!m_p.plain())
        m_p.tape();
}

void CardLayout::titleCard(const CardContent &c, const QRectF &panel, const QRectF &inner)
{
    const auto u = [this](double v) { return m_p.u(v); };
    QPainter &painter = m_p.painter();
    m_p.cornerBlobs(panel);
    double y = inner.top();
    if (!c.badge.trimmed().isEmpty())
        y = m_p.pill(c.badge, QPointF(inner.left(), y), inner.width(), P::kTeal, Qt::white, u(m_p.portrait() ? 36 : 30)).bottom()
            + u(40);
    else
        y += u(20);
    const CardTextStyle kicker{CardText::textFamily(),
                               QFont::Bold,
                               u(m_p.portrait() ? 38 : 30),
                               u(24),
                               1,
                               1.0,
                               Qt::AlignLeft,
                               P::kTerracotta,
                               115,
                               true};
    const CardFittedText k = CardText::fit(QStringLiteral("DIY project"), kicker, inner.width(), u(60));
    const double bodyReserve = c.body.trimmed().isEmpty() ? 0 : std::min(inner.height() * 0.32, u(m_p.portrait() ? 380 : 320));
    const double titleRoom = inner.bottom() - y - k.height() - u(10) - bodyReserve - u(70);
    const CardTextStyle title{
        CardText::displayFamily(), QFont::ExtraBold, u(m_p.landscape() ? 118 : 132), u(56), 6, 0.98, Qt::AlignLeft, P::kInk};
    const CardFittedText t = CardText::fit(c.title, title, inner.width(), titleRoom);
    const CardTextStyle body{
        CardText::textFamily(), QFont::Normal, u(m_p.portrait() ? 52 : 46), u(m_p.portrait() ? 34 : 24), 6, 1.1,
        Qt::AlignLeft,          P::kMuted};
    const double bodyWidth = inner.width() * (m_p.landscape() ? 0.75 : 1.0);
    const double bodyRoom = inner.bottom() - (y + k.height() + u(10) + t.height() + u(70));
    const CardFittedText b = bodyReserve > 0 ? CardText::fit(c.body, body, bodyWidth, bodyRoom) : CardFittedText();
    // Centre the kicker/title/body block in the room below the badge (optically a bit high).
    const double block = k.height() + u(10) + t.height() + u(70) + b.height();
    y += std::max(0.0, (inner.bottom() - y - block) * 0.42);
    y += CardText::draw(painter, k, QRectF(inner.left(), y, inner.width(), 0), kicker) + u(10);
    y += CardText::draw(painter, t, QRectF(inner.left(), y, inner.width(), 0), title);
    m_p.squiggle(QPointF(inner.left() + u(4), y + u(30)), std::min(inner.width() * 0.45, u(320)), P::kTerracotta);
    y += u(70);
    CardText::draw(painter, b, QRectF(inner.left(), y, bodyWidth, 0), body);
}

void CardLayout::materialsCard(const CardContent &c, const QRectF &inner)
{
    const auto u = [this](double v) { return m_p.u(v); };
    QPainter &painter = m_p.painter();
    const bool portrait = m_p.portrait();
    double y = inner.top();
    const CardTextStyle kicker{
        CardText::textFamily(), QFont::Bold, u(portrait ? 38 : 30), u(24), 1, 1.0, Qt::AlignLeft, P::kTerracotta, 115, true};
    y += CardText::draw(painter, CardText::fit(QStringLiteral("Materials"), kicker, inner.width(), u(60)),
                        QRectF(inner.left(), y, inner.width(), 0), kicker)
         + u(6);
    const QString heading = c.title.trimmed().isEmpty() ? QStringLiteral("Materials") : c.title;
    const CardTextStyle title{
        CardText::displayFamily(), QFont::ExtraBold, u(portrait ? 100 : 88), u(40), 2, 0.98, Qt::AlignLeft, P::kInk};
    y += CardText::draw(painter, CardText::fit(heading, title, inner.width(), inner.height() * 0.2),
                        QRectF(inner.left(), y, inner.width(), 0), title);
    y += u(portrait ? 40 : 34);

    QStringList items;
    for (const QString &item : c.checklist)
        if (!item.trimmed().isEmpty())
            items.append(item.trimmed());
    // Every material is shown: two columns hold twice the schema's limit. Only a list longer than
    // that (never produced from a valid script) ends with "+ N more".
    constexpr int kMostShown = 20;
    if (items.size() > kMostShown) {
        const qsizetype more = items.size() - (kMostShown - 1);
        items = items.mid(0, kMostShown - 1);
        items.append(QStringLiteral("+ %1 more").arg(more));
    }
    const int revealed = c.revealCount < 0 ? int(items.size()) : std::clamp(c.revealCount, 0, int(items.size()));
    if (items.isEmpty())
        return;
    const int columns = checklistColumns(int(items.size()), portrait, m_p.landscape());
    const int rows = int((items.size() + columns - 1) / columns);
    const double gap = u(columns > 1 ? 14 : 18);
    const double colGap = u(columns > 1 ? 20 : 30);
    const double colWidth = (inner.width() - (columns - 1) * colGap) / columns;
    const double rowHeight = std::min(u(portrait ? 230 : 150), (inner.bottom() - y - (rows - 1) * gap) / rows);
    const double box = std::min(u(columns > 1 ? 46 : 56), rowHeight * 0.55);
    const double pad = u(columns > 1 ? 16 : 22);
    const double textX = pad + box + u(columns > 1 ? 18 : 26);
    // One font size for all rows: the largest at which every item fits its row.
    CardTextStyle item{CardText::textFamily(), QFont::DemiBold, u(portrait ? 58 : 50), u(portrait ? 34 : 22), 3, 1.0,
                       Qt::AlignLeft,          P::kInk};
    double px = item.maxPx;
    for (const QString &text : items) {
        CardTextStyle probe = item;
        probe.maxPx = px;
        const CardFittedText f = CardText::fit(text, probe, colWidth - textX - u(14), rowHeight - u(14));
        px = std::min(px, double(f.font.pixelSize()));
    }
    item.maxPx = px;
    for (int i = 0; i < items.size(); ++i) {
        const int col = i / rows;
        const int row = i % rows;
        const QRectF r(inner.left() + col * (colWidth + colGap), y + row * (rowHeight + gap), colWidth, rowHeight);
        const bool shown = i < revealed;
        painter.setOpacity(shown ? 1.0 : 0.28);
        painter.setPen(Qt::NoPen);
        painter.setBrush(P::kRowTint);
        painter.drawRoundedRect(r, u(22), u(22));
        const QRectF check(r.left() + pad, r.center().y() - box / 2, box, box);
        painter.setPen(QPen(P::kTerracotta, u(5)));
        painter.setBrush(Qt::white);
        painter.drawRoundedRect(check, u(12), u(12));
        if (shown && !items.at(i).startsWith(QStringLiteral("+ ")))
            m_p.checkMark(check.adjusted(-u(2), -u(8), u(8), u(2)), P::kTeal, u(9));
        const CardFittedText f = CardText::fit(items.at(i), item, r.width() - textX - u(14), rowHeight - u(14));
        CardText::draw(painter, f, QRectF(r.left() + textX, r.center().y() - f.height() / 2, r.width() - textX - u(14), 0), item);
        painter.setOpacity(1.0);
    }
}

void CardLayout::stepCard(const CardContent &c, const QRectF &inner)
{
    const auto u = [this](double v) { return m_p.u(v); };
    QPainter &painter = m_p.painter();
    const QString label = c.stepCount > 0 ? QStringLiteral("Step %1 of %2").arg(c.stepNumber).arg(c.stepCount)
                                          : QStringLiteral("Step %1").arg(c.stepNumber);
    const QRectF labelRect =
        m_p.pill(label, inner.topLeft(), inner.width() * 0.6, P::kTerracotta, Qt::white, u(m_p.portrait() ? 36 : 30));
    m_p.progressDots(
        QRectF(labelRect.right() + u(20), labelRect.top(), inner.right() - labelRect.right() - u(20), labelRect.height()),
        c.stepNumber, c.stepCount);
    double top = labelRect.bottom() + u(44);
    const CardTextStyle title{
        CardText::displayFamily(), QFont::ExtraBold, u(m_p.portrait() ? 104 : 92), u(48), 4, 0.98, Qt::AlignLeft, P::kInk};
    if (!m_p.portrait()) {
        const double d = std::min(u(m_p.landscape() ? 300 : 220), inner.bottom() - top - u(20));
        m_p.numberBadge(QRectF(inner.left() + u(20), top + u(10), d, d), c.stepNumber);
        const QRectF text(inner.left() + d + u(80), top, inner.width() - d - u(80), inner.bottom() - top);
        const CardFittedText t = CardText::fit(c.title, title, text.width(), text.height() * 0.5);
        const double used = CardText::draw(painter, t, text, title);
        m_p.keyline(c.body,
                    QRectF(text.left(), text.top() + used + u(30), text.width(), text.bottom() - text.top() - used - u(30)), u(42));
    } else {
        const double d = std::min(u(250), (inner.bottom() - top) * 0.28);
        m_p.numberBadge(QRectF(inner.left() + u(18), top + u(18), d, d), c.stepNumber);
        top += d + u(70);
        const CardFittedText t = CardText::fit(c.title, title, inner.width(), (inner.bottom() - top) * 0.5);
        top += CardText::draw(painter, t, QRectF(inner.left(), top, inner.width(), 0), title) + u(40);
        m_p.keyline(c.body, QRectF(inner.left(), top, inner.width(), inner.bottom() - top), u(52));
    }
}

void CardLayout::completionCard(const CardContent &c, const QRectF &panel, const QRectF &inner)
{
    const auto u = [this](double v) { return m_p.u(v); };
    QPainter &painter = m_p.painter();
    const bool portrait = m_p.portrait();
    m_p.cornerBlobs(panel);
    double y = inner.top();
    if (!c.badge.trimmed().isEmpty())
        y = m_p.pill(c.badge, QPointF(inner.left(), y), inner.width(), P::kTeal, Qt::white, u(portrait ? 36 : 30)).bottom() + u(30);
    const double d =
        portrait ? std::min(u(260), inner.height() * 0.28) : std::min(u(m_p.landscape() ? 260 : 200), inner.bottom() - y - u(80));
    const QRectF circle(inner.left() + u(50), y + u(50), d, d);
    // Rays of confetti around a big tick.
    for (int i = 0; i < 12; ++i) {
        const double a = i * M_PI / 6;
        const QPointF centre = circle.center() + QPointF(std::cos(a), std::sin(a)) * (d * 0.5 + u(34));
        painter.setPen(Qt::NoPen);
        painter.setBrush(i % 3 == 0 ? P::kTerracotta : i % 3 == 1 ? P::kMustard : P::kTeal);
        painter.drawEllipse(centre, u(8), u(8));
    }
    painter.setBrush(P::kTeal);
    painter.drawEllipse(circle);
    m_p.checkMark(circle.adjusted(d * 0.18, d * 0.2, -d * 0.18, -d * 0.16), Qt::white, d * 0.1);
    QRectF text;
    if (portrait)
        text = QRectF(inner.left(), circle.bottom() + u(90), inner.width(), inner.bottom() - circle.bottom() - u(90));
    else
        text = QRectF(circle.right() + u(100), y + u(10), inner.right() - circle.right() - u(100), inner.bottom() - y - u(10));
    const QString heading = c.title.trimmed().isEmpty() ? QStringLiteral("You did it!") : c.title;
    const double bodyReserve = c.body.trimmed().isEmpty() ? 0 : std::min(text.height() * 0.45, u(360));
    const CardTextStyle title{
        CardText::displayFamily(), QFont::ExtraBold, u(portrait ? 120 : 110), u(52), 4, 0.98, Qt::AlignLeft, P::kInk};
    const CardFittedText t = CardText::fit(heading, title, text.width(), text.height() - bodyReserve - u(40));
    const CardTextStyle body{CardText::textFamily(), QFont::Normal, u(portrait ? 52 : 46), u(portrait ? 34 : 24), 6, 1.12,
                             Qt::AlignLeft,          P::kMuted};
    const CardFittedText b =
        bodyReserve > 0 ? CardText::fit(c.body, body, text.width(), text.height() - t.height() - u(36)) : CardFittedText();
    double ty = text.top();
    if (!portrait) // centre the words on the badge
        ty = std::max(text.top(), circle.center().y() - (t.height() + u(36) + b.height()) / 2);
    ty += CardText::draw(painter, t, QRectF(text.left(), ty, text.width(), 0), title) + u(36);
    CardText::draw(painter, b, QRectF(text.left(), ty, text.width(), 0), body);
}

} // namespace diy
