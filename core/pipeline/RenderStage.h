#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace diy {

/// Names a stage of the production pipeline ("frames", "narration", …). A handle, not a closed
/// enum: a new stage class brings its own id and registers itself in StageRegistry; titles, order
/// and progress weights come from the registered stage objects.
struct RenderStage {
    QString id;

    static const RenderStage Pictures;
    static const RenderStage Frames;
    static const RenderStage Narration;
    static const RenderStage Segments;
    static const RenderStage Merge;
    static const RenderStage Checks;

    bool operator==(const RenderStage &other) const { return id == other.id; }
    bool operator!=(const RenderStage &other) const { return id != other.id; }
    /// Pipeline order (registration order); unknown ids sort last, by id.
    bool operator<(const RenderStage &other) const;
};

inline const RenderStage RenderStage::Pictures{QStringLiteral("pictures")};
inline const RenderStage RenderStage::Frames{QStringLiteral("frames")};
inline const RenderStage RenderStage::Narration{QStringLiteral("narration")};
inline const RenderStage RenderStage::Segments{QStringLiteral("segments")};
inline const RenderStage RenderStage::Merge{QStringLiteral("merge")};
inline const RenderStage RenderStage::Checks{QStringLiteral("checks")};

/// Every registered stage, in pipeline order.
QList<RenderStage> allRenderStages();
/// Position in allRenderStages(), -1 when not registered.
int renderStageIndex(const RenderStage &stage);
QString renderStageId(const RenderStage &stage);    ///< "frames", "narration", …
QString renderStageTitle(const RenderStage &stage); ///< "Scene images", "Narration", …

} // namespace diy

Q_DECLARE_METATYPE(diy::RenderStage)
