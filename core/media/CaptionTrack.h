#pragma once

#include "media/CaptionCue.h"
#include "media/CaptionStyle.h"

#include <QList>
#include <QSize>
#include <QString>

namespace diy {

/// The captions of one segment, written as an ASS subtitle file for FFmpeg's ass filter.
class CaptionTrack {
public:
    QList<CaptionCue> cues;

    /// A complete ASS script: PlayResX/PlayResY equal to the frame, margins from the safe area.
    QString toAss(const CaptionStyle &style, QSize frame) const;
    /// Escapes user text for an ASS Dialogue line: override braces, backslashes, newlines (\N),
    /// leading/trailing spaces (\h); everything else passes through as UTF-8.
    static QString escapeAssText(const QString &text);
    /// "H:MM:SS.cc"
    static QString assTime(qint64 ms);
    /// "&HAABBGGRR" (ASS alpha: 00 opaque, FF transparent)
    static QString assColour(const QColor &colour);
};

} // namespace diy
