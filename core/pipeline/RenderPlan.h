#pragma once

#include "model/Project.h"
#include "pipeline/RenderStage.h"

#include <QList>
#include <QSize>
#include <QString>

namespace diy {

/// What a render of a project would do, computed without running anything: for every scene the
/// cache key of each item (a hash over every input: text, voice, rate, style, image bytes, size,
/// engine version) and whether a finished output already exists. Equal keys mean equal outputs,
/// so a re-run after an edit or a crash redoes exactly the items whose key has no output yet.
class RenderPlan {
public:
    struct SceneItems {
        Scene scene;
        QString frameKey;
        QString narrationKey;
        QString segmentKey;
        QString checkKey;
        QString framePath;      ///< assets/cache/frames/<key>.png
        QString narrationPath;  ///< assets/cache/narration/<key>.wav (+ .json with the cues)
        QString segmentPath;    ///< assets/cache/segments/<key>.mp4
        QString captionsPath;   ///< assets/cache/captions/<key>.ass
        QString checkPath;      ///< assets/cache/checks/<key>.json
        bool frameDone = false;
        bool narrationDone = false;
        bool segmentDone = false;
        bool checkDone = false;
    };

    static RenderPlan make(const Project &project, const QString &projectDir);

    QList<SceneItems> scenes;
    QString mergeKey;          ///< over all segment keys and the music: names the final video
    QString outputPath;        ///< renders/<slug>-<mergeKey>.mp4 (absolute)
    QString reportPath;        ///< renders/<slug>-<mergeKey>.checks.json (absolute)
    bool mergeDone = false;
    QSize frameSize;
    int fps = 30;

    /// Items still to do in a stage (0 when everything is cached).
    int pendingItems(RenderStage stage) const;
    int totalItems(RenderStage stage) const;
    /// True when the project's last render is this plan's output and it exists.
    bool upToDate() const { return mergeDone; }
};

} // namespace diy
