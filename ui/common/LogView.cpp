#include "common/LogView.h"

#include "util/Log.h"

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QVBoxLayout>

namespace diy::ui {

LogView::LogView(QWidget *parent) : QWidget(parent), m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("logView"));
    m_text->setObjectName(QStringLiteral("logText"));
    m_text->setAccessibleName(tr("Log"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setMaximumBlockCount(2000);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &LogView::reload);
}

void LogView::reload()
{
    const QStringList lines = Log::recentLines(2000);
    if (lines.size() == m_lastCount && (lines.isEmpty() || lines.last() == m_lastLine))
        return;
    QScrollBar *bar = m_text->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    m_text->setPlainText(lines.join(QLatin1Char('\n')));
    m_lastCount = int(lines.size());
    m_lastLine = lines.isEmpty() ? QString() : lines.last();
    if (atEnd)
        bar->setValue(bar->maximum());
}

void LogView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload();
    m_timer.start();
}

void LogView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
}

} // namespace diy::ui
