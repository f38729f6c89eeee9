#include "common/ThemeSignals.h"

namespace diy::ui {

ThemeSignals *ThemeSignals::instance()
{
    static ThemeSignals notifier;
    return &notifier;
}

} // namespace diy::ui
