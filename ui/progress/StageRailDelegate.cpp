#include "progress/StageRailDelegate.h"

#include "common/Icons.h"
#include "progress/StageRailModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace diy::ui {

void StageRailDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    const QRect r = option.rect.adjusted(6, 3, -6, -3);

    if (selected || hovered) {
        QColor bg = pal.color(QPalette::Highlight);
        bg.setAlphaF(selected ? 0.18 : 0.08);
        QPainterPath path;
        path.addRoundedRect(r, 8, 8);
        painter->fillPath(path, bg);
        if (selected) {
            painter->fillRect(QRect(r.left(), r.top() + 10, 3, r.height() - 20), pal.color(QPalette::Highlight));
        }
    }

    const auto state = StageState(index.data(StageRailModel::StateRole).toInt());
    const QColor stateColor = stageStateColor(state);
    const QIcon icon = qvariant_cast<QIcon>(index.data(Qt::DecorationRole));
    const QRect iconRect(r.left() + 12, r.top() + 12, 24, 24);
    icon.paint(painter, iconRect);

    // Title and state badge.
    QFont titleFont = option.font;
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.08);
    painter->setFont(titleFont);
    painter->setPen(pal.color(QPalette::WindowText));
    const int textLeft = iconRect.right() + 12;
    const QRect titleRect(textLeft, r.top() + 8, r.right() - textLeft - 30, QFontMetrics(titleFont).height());
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, index.data(Qt::DisplayRole).toString());

    const QRect badge(r.right() - 26, r.top() + 12, 18, 18);
    painter->setPen(Qt::NoPen);
    QColor halo = stateColor;
    halo.setAlphaF(0.18);
    painter->setBrush(halo);
    painter->drawEllipse(badge.adjusted(-3, -3, 3, 3));
    painter->setBrush(stateColor);
    painter->drawEllipse(badge.adjusted(5, 5, -5, -5));

    // Status line.
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.92);
    painter->setFont(small);
    QColor dim = pal.color(QPalette::WindowText);
    dim.setAlphaF(0.7);
    QString line = stageStateText(state);
    const QString detail = index.data(StageRailModel::DetailRole).toString();
    const double progress = index.data(StageRailModel::ProgressRole).toDouble();
    const qint64 elapsed = index.data(StageRailModel::ElapsedRole).toLongLong();
    const qint64 eta = index.data(StageRailModel::EtaRole).toLongLong();
    if (state == StageState::Running && progress >= 0)
        line = tr("%1%").arg(int(progress * 100));
    if (state == StageState::Running && elapsed >= 0)
        line += QStringLiteral(" · ") + formatDurationMs(elapsed);
    if (state == StageState::Running && eta >= 0)
        line += QStringLiteral(" · ") + tr("%1 left").arg(formatDurationMs(eta));
    painter->setPen(state == StageState::Failed || state == StageState::Stale ? stateColor : dim);
    const QFontMetrics fm(small);
    const QRect lineRect(textLeft, titleRect.bottom() + 2, r.right() - textLeft - 8, fm.height());
    painter->drawText(lineRect, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(line, Qt::ElideRight, lineRect.width()));
    if (!detail.isEmpty()) {
        painter->setPen(dim);
        const QRect detailRect(textLeft, lineRect.bottom() + 1, r.right() - textLeft - 8, fm.height());
        painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(detail, Qt::ElideRight, detailRect.width()));
    }

    if (state == StageState::Running && progress >= 0) {
        const QRect bar(textLeft, r.bottom() - 7, r.right() - textLeft - 10, 4);
        QColor track = pal.color(QPalette::WindowText);
        track.setAlphaF(0.12);
        painter->setBrush(track);
        painter->drawRoundedRect(bar, 2, 2);
        painter->setBrush(stateColor);
        painter->drawRoundedRect(QRect(bar.left(), bar.top(), int(bar.width() * std::clamp(progress, 0.0, 1.0)), bar.height()), 2,
                                 2);
    }
    painter->restore();
}

QSize StageRailDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return QSize(200, 14 + int(fm.height() * 1.1) + 2 * fm.height() + 18);
}

} // namespace diy::ui
