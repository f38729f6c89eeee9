#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace diy {

/// The stages of an offline render, in order. Each stage has one item per scene, except Merge
/// (one item) and Checks (one per segment plus the final file).
enum class RenderStage { Frames, Narration, Segments, Merge, Checks };

QList<RenderStage> allRenderStages();
QString renderStageId(RenderStage stage);      ///< "frames", "narration", …
QString renderStageTitle(RenderStage stage);   ///< "Scene images", "Narration", …

} // namespace diy

Q_DECLARE_METATYPE(diy::RenderStage)
