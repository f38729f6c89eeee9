#pragma once

#include "media/CaptionStyle.h"

#include <QSize>
#include <QStringList>

namespace diy {

/// Splits narration into caption chunks: breaks at sentence, then clause punctuation, then
/// balances; every chunk has at most two lines (joined by '\n') that each fit the safe-area width
/// measured with the caption font. Needs a QGuiApplication (font metrics).
class CaptionChunker {
public:
    static QStringList chunk(const QString &narration, const CaptionStyle &style, QSize frame);
};

} // namespace diy
