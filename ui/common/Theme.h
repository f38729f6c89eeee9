#pragma once

#include "settings/StudioSettings.h"

namespace diy::ui {

/// Applies the light, dark or system palette (Fusion style for a consistent look everywhere).
class Theme {
public:
    static void apply(StudioSettings::Theme theme);
    static bool isDark();
};

} // namespace diy::ui
