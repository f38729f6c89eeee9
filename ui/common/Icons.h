#pragma once

#include <QIcon>
#include <QString>

namespace diy::ui {

/// The studio's line icons (resources/icons/*.svg). They are drawn with `currentColor` and recoloured
/// at paint time from the application palette, so they follow light and dark themes by themselves.
class Icons {
public:
    static QIcon icon(const QString &name);
    /// Registers the icon resources compiled into the static library (call once from main or a test).
    static void initResources();
};

} // namespace diy::ui
