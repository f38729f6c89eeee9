#include "common/Theme.h"

#include "common/ThemeSignals.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace diy::ui {

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x23, 0x25, 0x29), base(0x1b, 0x1d, 0x20), text(0xe6, 0xe8, 0xeb), mid(0x3a, 0x3d, 0x42);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2d, 0x30, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6d, 0xa8, 0xf0));
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8f, 0x96));
    p.setColor(QPalette::Mid, mid);
    p.setColor(QPalette::Dark, QColor(0x15, 0x16, 0x18));
    p.setColor(QPalette::Light, QColor(0x40, 0x44, 0x4a));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x7a, 0x7f, 0x86));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x7a, 0x7f, 0x86));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x7a, 0x7f, 0x86));
    return p;
}

QPalette lightPalette()
{
    QPalette p = QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
    p.setColor(QPalette::Window, QColor(0xf4, 0xf5, 0xf7));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf8, 0xfa));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd1));
    p.setColor(QPalette::WindowText, QColor(0x20, 0x22, 0x26));
    p.setColor(QPalette::Text, QColor(0x20, 0x22, 0x26));
    p.setColor(QPalette::ButtonText, QColor(0x20, 0x22, 0x26));
    return p;
}

} // namespace

void Theme::apply(StudioSettings::Theme theme)
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    switch (theme) {
    case StudioSettings::Theme::Dark: QApplication::setPalette(darkPalette()); break;
    case StudioSettings::Theme::Light: QApplication::setPalette(lightPalette()); break;
    case StudioSettings::Theme::System: QApplication::setPalette(QApplication::style()->standardPalette()); break;
    }
    emit ThemeSignals::instance()->themeChanged();
}

bool Theme::isDark()
{
    const QPalette p = QApplication::palette();
    return p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness();
}

} // namespace diy::ui
