#pragma once

#include <QObject>

namespace diy::ui {

/// Tells widgets that draw with colours of their own (style sheets, explicit palettes) that the
/// theme changed, so they restyle at once. A style sheet freezes a widget's palette, so Qt's own
/// palette propagation does not reach them.
class ThemeSignals : public QObject {
    Q_OBJECT
public:
    static ThemeSignals *instance();

signals:
    void themeChanged();

private:
    ThemeSignals() = default;
};

} // namespace diy::ui
