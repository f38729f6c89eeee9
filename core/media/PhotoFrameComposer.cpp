#include "media/PhotoFrameComposer.h"

#include "media/SafeArea.h"

#include <QFont>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

namespace diy {

namespace {

QFont overlayFont(int pixelSize, int weight)
{
    QFont f(QStringLiteral("Noto Sans"));
    f.setPixelSize(pixelSize);
    f.setWeight(QFont::Weight(weight));
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}

QImage softCover(const QImage &photo, QSize frame)
{
    // Cover-fit, then blur cheaply by scaling down and back up (deterministic, no effects framework).
    const QImage cover = photo.scaled(frame, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
    const QRect crop((cover.width() - frame.width()) / 2, (cover.height() - frame.height()) / 2, frame.width(), frame.height());
    const QImage cropped = cover.copy(crop);
    const QImage tiny =
        cropped.scaled(qMax(1, frame.width() / 24), qMax(1, frame.height() / 24), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return tiny.scaled(frame, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

} // namespace

QImage PhotoFrameComposer::compose(const QImage &photoIn, const Overlay &overlay) const
{
    QImage frame(m_frame, QImage::Format_RGB32);
    const QImage photo = photoIn.convertToFormat(QImage::Format_RGB32);
    QPainter p(&frame);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(0, 0, softCover(photo, m_frame));
    p.fillRect(frame.rect(), QColor(20, 16, 12, 120));

    const QRect content = SafeArea::cardContent(m_frame);
    const int unit = qMin(m_frame.width(), m_frame.height()) / 54; // 20 px at 1080
    int top = content.top();

    // Step badge and headline.
    if (overlay.stepNumber > 0) {
        const QString badge = QStringLiteral("STEP %1 OF %2").arg(overlay.stepNumber).arg(overlay.stepCount);
        const QFont f = overlayFont(unit * 2, QFont::Black);
        const QFontMetrics fm(f);
        const QRect pill(content.left(), top, fm.horizontalAdvance(badge) + unit * 3, fm.height() + unit);
        QPainterPath path;
        path.addRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
        p.fillPath(path, QColor(0xE8, 0x6A, 0x33));
        p.setFont(f);
        p.setPen(Qt::white);
        p.drawText(pill, Qt::AlignCenter, badge);
        top = pill.bottom() + unit;
    }
    if (!overlay.title.isEmpty()) {
        QFont f = overlayFont(unit * 3, QFont::Bold);
        QRect textRect(content.left(), top, content.width(), content.height() / 4);
        // Shrink until the headline fits in its band.
        for (int size = unit * 3; size >= unit; size -= 2) {
            f.setPixelSize(size);
            const QRect needed = QFontMetrics(f).boundingRect(textRect, Qt::TextWordWrap, overlay.title);
            if (needed.height() <= textRect.height() && needed.width() <= textRect.width()) {
                textRect.setHeight(needed.height());
                break;
            }
        }
        p.setFont(f);
        p.setPen(QColor(0, 0, 0, 140));
        p.drawText(textRect.translated(2, 3), Qt::TextWordWrap | Qt::AlignLeft, overlay.title);
        p.setPen(Qt::white);
        p.drawText(textRect, Qt::TextWordWrap | Qt::AlignLeft, overlay.title);
        top = textRect.bottom() + unit;
    }

    // The photo itself, whole, inside what is left of the content area.
    QRect photoArea(content.left(), top, content.width(), content.bottom() - top);
    if (!overlay.checklist.isEmpty() && m_frame.width() > m_frame.height())
        photoArea.setWidth(content.width() * 3 / 5);
    else if (!overlay.checklist.isEmpty())
        photoArea.setHeight(photoArea.height() * 3 / 5);
    if (photoArea.width() > 0 && photoArea.height() > 0 && !photo.isNull()) {
        const QSize fitted = photo.size().scaled(photoArea.size(), Qt::KeepAspectRatio);
        const QRect target(photoArea.left() + (photoArea.width() - fitted.width()) / 2,
                           photoArea.top() + (photoArea.height() - fitted.height()) / 2, fitted.width(), fitted.height());
        QPainterPath clip;
        clip.addRoundedRect(target, unit * 1.2, unit * 1.2);
        p.fillPath(clip.translated(0, unit / 2), QColor(0, 0, 0, 90));
        p.save();
        p.setClipPath(clip);
        p.drawImage(target, photo);
        p.restore();
        p.setPen(QPen(QColor(255, 255, 255, 200), qMax(2, unit / 5)));
        p.drawPath(clip);
    }

    // Materials checklist panel.
    if (!overlay.checklist.isEmpty()) {
        QRect panel =
            m_frame.width() > m_frame.height()
                ? QRect(photoArea.right() + unit, photoArea.top(), content.right() - photoArea.right() - unit, photoArea.height())
                : QRect(content.left(), photoArea.bottom() + unit, content.width(), content.bottom() - photoArea.bottom() - unit);
        QPainterPath path;
        path.addRoundedRect(panel, unit, unit);
        p.fillPath(path, QColor(255, 250, 240, 235));
        const int rows = int(qMin<qsizetype>(overlay.checklist.size(), 6));
        const int rowHeight = qMax(1, (panel.height() - unit) / qMax(1, rows));
        QFont f = overlayFont(qMin(unit * 2, rowHeight * 6 / 10), QFont::DemiBold);
        p.setFont(f);
        const QFontMetrics fm(f);
        for (int i = 0; i < rows; ++i) {
            const QRect row(panel.left() + unit, panel.top() + unit / 2 + i * rowHeight, panel.width() - 2 * unit, rowHeight);
            const int box = qMin(fm.height(), rowHeight - 4);
            const QRect check(row.left(), row.center().y() - box / 2, box, box);
            p.setPen(QPen(QColor(0xE8, 0x6A, 0x33), qMax(2, unit / 6)));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(check, box / 5.0, box / 5.0);
            p.setPen(QColor(0x3B, 0x2F, 0x25));
            const QRect text(check.right() + unit, row.top(), row.width() - box - unit, row.height());
            p.drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                       fm.elidedText(overlay.checklist.at(i), Qt::ElideRight, text.width()));
        }
    }
    p.end();
    return frame;
}

} // namespace diy
