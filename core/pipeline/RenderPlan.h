#pragma once

#include "model/Project.h"
#include "pipeline/PlanItem.h"
#include "pipeline/RenderStage.h"

#include <QList>
#include <QSize>
#include <QString>

namespace diy {

class StageRegistry;
struct FrameSpec;

/// What a render of a project would do, computed without running anything: the one place that
/// turns a project into work. Every registered stage plans its items; each item carries the spec
/// of its output (every input that shapes it), its cache key (the spec's hash plus the engine's
/// version), its files and the items it needs, and whether a finished output exists already.
/// Equal keys mean equal outputs, so a re-run after an edit or a crash redoes exactly the items
/// whose key has no output yet. Executors get an item's spec and nothing else.
class RenderPlan {
public:
    /// A view of one scene's items (keys, files, state), for callers that think in scenes.
    struct SceneItems {
        Scene scene;
        QString frameKey;
        QString narrationKey;
        QString segmentKey;
        QString checkKey;
        QString framePath;     ///< assets/cache/frames/<key>.png
        QString narrationPath; ///< assets/cache/narration/<key>.wav (+ .json with the cues)
        QString segmentPath;   ///< assets/cache/segments/<key>.mp4
        QString captionsPath;  ///< assets/cache/captions/<key>.ass
        QString checkPath;     ///< assets/cache/checks/<key>.json
        bool frameDone = false;
        bool narrationDone = false;
        bool segmentDone = false;
        bool checkDone = false;
    };

    /// Needs a QGuiApplication (captions are measured with the font). `frameOverride`: render at
    /// another size (draft previews, tests); part of every key. Plans with `registry`'s stages
    /// (default: the standard offline stages).
    static RenderPlan make(const Project &project, const QString &projectDir, QSize frameOverride = {},
                           const StageRegistry *registry = nullptr);
    /// The spec of scene `index`'s picture at `size` (what the frames stage paints; thumbnails too).
    static FrameSpec frameSpec(const Project &project, const QString &projectDir, int index, QSize size);

    QList<PlanItem> items;
    QList<SceneItems> scenes;
    QString mergeKey;   ///< names the final video
    QString outputPath; ///< renders/<slug>-<mergeKey>.mp4 (absolute)
    QString reportPath; ///< renders/<slug>-<mergeKey>.checks.json (absolute)
    bool mergeDone = false;
    QSize frameSize;
    int fps = 30;

    const PlanItem *item(const RenderStage &stage, int scene) const;
    /// Drops every item not of `stages` and not needed by one of them (inputs renumbered).
    void keepOnly(const QList<RenderStage> &stages);
    /// Items still to do in a stage (0 when everything is cached).
    int pendingItems(const RenderStage &stage) const;
    int totalItems(const RenderStage &stage) const;
    /// True when the project's last render is this plan's output and it exists.
    bool upToDate() const { return mergeDone; }
};

} // namespace diy
