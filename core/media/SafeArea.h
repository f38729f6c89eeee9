#pragma once

#include <QRect>
#include <QSize>

namespace diy {

/// The title- and action-safe rectangle of a frame: cards and captions stay inside it. For vertical
/// (9:16) video it keeps clear of the top ~12% and bottom ~18% where phone apps overlay their UI.
class SafeArea {
public:
    static QRect of(QSize frame);
    /// The band at the bottom of the safe area that cards leave free for burned-in captions.
    static QRect captionBand(QSize frame);
    /// The safe area minus the caption band: where card content goes.
    static QRect cardContent(QSize frame);
};

} // namespace diy
