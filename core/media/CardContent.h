#pragma once

#include <QString>
#include <QStringList>

namespace diy {

/// What one card shows.
struct CardContent {
    enum class Kind { Title, Materials, Step, Completion };

    Kind kind = Kind::Title;
    QString title;
    QString body;       ///< subtitle (title card), keyline (step), message (completion)
    int stepNumber = 0; ///< Step cards: 1-based
    int stepCount = 0;
    QStringList checklist; ///< Materials card: every row is shown (two columns for long lists)
    int revealCount = -1;  ///< Materials card: rows shown ticked; the rest faded (-1: all)
    QString badge;         ///< e.g. "For kids"
};

} // namespace diy
