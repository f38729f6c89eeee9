#pragma once

#include "media/CaptionStyle.h"
#include "util/ContentHash.h"

#include <QSize>
#include <QString>

namespace diy {

/// A scene's burned-in captions: the narration's cues (read from its cue file) drawn in a style at
/// a frame size, written as an ASS file.
struct CaptionsSpec {
    QString narrationKey; ///< the cues come from this narration (part of the key)
    QString cuesPath;     ///< its cue file (not part of the key)
    CaptionStyle style;
    QSize frame;
    QString outputPath; ///< the .ass file (not part of the key)

    void addTo(ContentHash &hash) const
    {
        hash.add("captions", narrationKey).add(style.cacheKey()).add(qint64(frame.width())).add(qint64(frame.height()));
    }
    QString key() const
    {
        ContentHash hash;
        addTo(hash);
        return hash.shortHex();
    }
};

} // namespace diy
