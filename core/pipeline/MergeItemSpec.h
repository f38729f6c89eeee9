#pragma once

#include "pipeline/ItemSpec.h"
#include "util/ContentHash.h"

#include <QList>
#include <QString>

namespace diy {

/// The final video: every segment in order, optionally mixed with the creator's music.
struct MergeItemSpec : ItemSpec {
    struct Part {
        QString segmentKey;
        QString segmentPath;
        QString cuesPath; ///< the scene's narration cue file (its duration, for progress)
    };
    QList<Part> parts;
    QString musicPath; ///< absolute; empty: no music
    QString musicSha;
    double musicVolume = 0.15;

    void addTo(ContentHash &hash) const override
    {
        hash.add("merge", QString::number(parts.size()));
        for (const Part &p : parts)
            hash.add(p.segmentKey);
        if (!musicPath.isEmpty())
            hash.add("music", musicSha).add(QString::number(musicVolume));
    }
};

} // namespace diy
