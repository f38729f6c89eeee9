#include "player/SceneSeekBar.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStyleOptionSlider>
#include <QToolTip>

namespace diy::ui {

SceneSeekBar::SceneSeekBar(QWidget *parent) : QSlider(Qt::Horizontal, parent)
{
    setMinimumHeight(28);
    setRange(0, 0);
    setSingleStep(1000);
    setPageStep(5000);
    connect(this, &QSlider::sliderMoved, this, [this](int v) { emit seekRequested(v); });
}

void SceneSeekBar::setScenes(const QList<qint64> &startsMs, const QStringList &names)
{
    m_starts = startsMs;
    m_names = names;
    update();
}

int SceneSeekBar::xForValue(qint64 value) const
{
    QStyleOptionSlider opt;
    initStyleOption(&opt);
    const QRect groove = style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderGroove, this);
    const QRect handle = style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, this);
    const int span = groove.width() - handle.width();
    return groove.left() + handle.width() / 2
           + QStyle::sliderPositionFromValue(minimum(), maximum(), int(value), span, opt.upsideDown);
}

qint64 SceneSeekBar::valueForX(int x) const
{
    QStyleOptionSlider opt;
    initStyleOption(&opt);
    const QRect groove = style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderGroove, this);
    const QRect handle = style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, this);
    return QStyle::sliderValueFromPosition(minimum(), maximum(), x - groove.left() - handle.width() / 2,
                                           groove.width() - handle.width(), opt.upsideDown);
}

void SceneSeekBar::paintEvent(QPaintEvent *event)
{
    QSlider::paintEvent(event);
    if (maximum() <= 0 || m_starts.isEmpty())
        return;
    QPainter p(this);
    QColor marker = palette().color(QPalette::Highlight);
    p.setPen(QPen(marker, 2));
    for (qint64 start : std::as_const(m_starts)) {
        if (start <= 0 || start >= maximum())
            continue;
        const int x = xForValue(start);
        p.drawLine(x, 2, x, 7);
        p.drawLine(x, height() - 7, x, height() - 2);
    }
}

void SceneSeekBar::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && maximum() > 0) {
        const qint64 v = valueForX(int(event->position().x()));
        setValue(int(v));
        emit seekRequested(v);
    }
    QSlider::mousePressEvent(event);
}

bool SceneSeekBar::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip && maximum() > 0) {
        auto *help = static_cast<QHelpEvent *>(e);
        const qint64 v = valueForX(help->pos().x());
        int scene = -1;
        for (int i = 0; i < m_starts.size(); ++i)
            if (m_starts.at(i) <= v)
                scene = i;
        if (scene >= 0 && scene < m_names.size())
            QToolTip::showText(help->globalPos(), m_names.at(scene), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QSlider::event(e);
}

} // namespace diy::ui
