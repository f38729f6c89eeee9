#pragma once

#include <QString>
#include <QStringList>

namespace diy {

/// What one card shows.
struct CardContent {
    enum class Kind { Title, Materials, Step, Completion };

    Kind kind = Kind::Title;
    QString title;
    QString body;          ///< subtitle (title card), keyline (step), message (completion)
    int stepNumber = 0;    ///< Step cards: 1-based
    int stepCount = 0;
    QStringList checklist; ///< Materials card: up to 6 rows are shown, the rest as "+ N more"
    QString badge;         ///< e.g. "For kids"
};

} // namespace diy
