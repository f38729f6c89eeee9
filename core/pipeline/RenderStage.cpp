#include "pipeline/RenderStage.h"

namespace diy {

QList<RenderStage> allRenderStages()
{
    return {RenderStage::Frames, RenderStage::Narration, RenderStage::Segments, RenderStage::Merge, RenderStage::Checks};
}

QString renderStageId(RenderStage stage)
{
    switch (stage) {
    case RenderStage::Frames: return QStringLiteral("frames");
    case RenderStage::Narration: return QStringLiteral("narration");
    case RenderStage::Segments: return QStringLiteral("segments");
    case RenderStage::Merge: return QStringLiteral("merge");
    case RenderStage::Checks: return QStringLiteral("checks");
    }
    return {};
}

QString renderStageTitle(RenderStage stage)
{
    switch (stage) {
    case RenderStage::Frames: return QStringLiteral("Scene images");
    case RenderStage::Narration: return QStringLiteral("Narration");
    case RenderStage::Segments: return QStringLiteral("Segments");
    case RenderStage::Merge: return QStringLiteral("Merge");
    case RenderStage::Checks: return QStringLiteral("Quality checks");
    }
    return {};
}

} // namespace diy
