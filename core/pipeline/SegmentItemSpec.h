#pragma once

#include "pipeline/CaptionsSpec.h"
#include "pipeline/ItemSpec.h"
#include "util/ContentHash.h"

#include <QSize>
#include <QString>

namespace diy {

/// One scene's video: its frame and narration (named by their keys) with the captions burned in.
struct SegmentItemSpec : ItemSpec {
    QString frameKey;
    QString framePath;
    QString narrationKey;
    QString narrationWav;
    CaptionsSpec captions;
    QSize frame;
    int fps = 30;

    void addTo(ContentHash &hash) const override
    {
        hash.add("segment", frameKey).add(narrationKey).add(captions.key());
        hash.add(qint64(frame.width())).add(qint64(frame.height())).add(qint64(fps));
    }
};

} // namespace diy
