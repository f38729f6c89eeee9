#pragma once

#include <QList>
#include <QString>

namespace diy {

/// One caption on screen from startMs to endMs; lines separated by '\n'.
struct CaptionCue {
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString text;

    bool operator==(const CaptionCue &) const = default;
};

} // namespace diy
