#include "common/InlineMessage.h"

#include "common/Icons.h"
#include "common/ThemeSignals.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace diy::ui {

InlineMessage::InlineMessage(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_text(new QLabel(this)), m_actions(new QHBoxLayout),
      m_close(new QToolButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->setSpacing(8);
    m_icon->setFixedSize(20, 20);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setObjectName(QStringLiteral("inlineMessageText"));
    m_close->setIcon(Icons::icon(QStringLiteral("close")));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss message"));
    m_close->setObjectName(QStringLiteral("inlineMessageClose"));
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_actions);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, [this] {
        clear();
        emit dismissed();
    });
    setAccessibleName(tr("Message"));
    connect(ThemeSignals::instance(), &ThemeSignals::themeChanged, this, [this] {
        if (!isHidden())
            applyStyle();
    });
    hide();
}

void InlineMessage::showMessage(Level level, const QString &text, const QString &detail)
{
    while (QLayoutItem *item = m_actions->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_level = level;
    m_text->setText(text);
    m_text->setToolTip(detail);
    setAccessibleDescription(text);
    applyStyle();
    show();
}

void InlineMessage::showError(const diy::Error &error)
{
    showMessage(error.isCancelled() ? Level::Info : Level::Error, error.message, error.detail);
}

QPushButton *InlineMessage::addAction(const QString &text, const QString &objectName)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    button->setAccessibleName(text);
    m_actions->addWidget(button);
    return button;
}

void InlineMessage::clear()
{
    m_text->clear();
    while (QLayoutItem *item = m_actions->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    hide();
}

QString InlineMessage::text() const
{
    return isHidden() ? QString() : m_text->text();
}

void InlineMessage::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // setStyleSheet itself changes the palette: only react to outside changes (theme switches).
    const bool themeChange = event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange
                             || event->type() == QEvent::StyleChange;
    if (themeChange && !isHidden() && !m_styling)
        applyStyle();
}

void InlineMessage::applyStyle()
{
    QColor accent;
    QString icon;
    switch (m_level) {
    case Level::Info:
        accent = QColor(0x2f, 0x7d, 0xd1);
        icon = QStringLiteral("info");
        break;
    case Level::Success:
        accent = QColor(0x2e, 0x9d, 0x5b);
        icon = QStringLiteral("done");
        break;
    case Level::Warning:
        accent = QColor(0xd0, 0x8a, 0x10);
        icon = QStringLiteral("warning");
        break;
    case Level::Error:
        accent = QColor(0xd0, 0x3b, 0x3b);
        icon = QStringLiteral("failed");
        break;
    }
    // The application's palette, not this widget's: a style sheet freezes the widget's own
    // palette, so after a theme switch it would still hold the old theme's colours.
    const QPalette theme = QApplication::palette();
    const QColor base = theme.color(QPalette::Base);
    const QColor text = theme.color(QPalette::WindowText);
    QColor tint = base;
    const double a = 0.14;
    tint.setRgbF(base.redF() * (1 - a) + accent.redF() * a, base.greenF() * (1 - a) + accent.greenF() * a,
                 base.blueF() * (1 - a) + accent.blueF() * a);
    m_styling = true;
    setStyleSheet(QStringLiteral("diy--ui--InlineMessage { background: %1; border: 1px solid %2; border-radius: 6px; }"
                                 " diy--ui--InlineMessage QLabel { color: %3; background: transparent; }")
                      .arg(tint.name(), accent.name(), text.name()));
    m_icon->setPixmap(Icons::icon(icon).pixmap(20, 20));
    m_styling = false;
}

} // namespace diy::ui
