#pragma once

#include "model/Brief.h"
#include "pipeline/ItemSpec.h"
#include "util/ContentHash.h"

#include <QList>
#include <QString>

namespace diy {

/// Technical checks of one segment (loudness, silences, black frames), cached as JSON.
struct CheckItemSpec : ItemSpec {
    QString mediaKey; ///< the segment's key
    QString mediaPath;

    void addTo(ContentHash &hash) const override { hash.add("check", mediaKey); }
};

/// The technical report of the final video: a probe of the file plus every segment's checks,
/// merged with the scenes' timing and the brief's target.
struct ReportItemSpec : ItemSpec {
    struct Scene {
        QString label;
        QString checkKey;
        QString checkPath;
        QString cuesPath;
    };
    QString videoKey; ///< the merge's key
    QString videoPath;
    QList<Scene> scenes;
    Brief brief; ///< only the target duration shapes the report

    void addTo(ContentHash &hash) const override
    {
        hash.add("report", videoKey).add(QString::number(brief.targetDurationSeconds));
        for (const Scene &s : scenes)
            hash.add(s.label).add(s.checkKey);
    }
};

} // namespace diy
