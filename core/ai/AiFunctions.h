#pragma once

#include <QString>

namespace diy {

/// The TensorZero functions the AI stages call, and the one variant name the studio pins itself.
/// config/tensorzero.toml is the source of truth; tst_tensorzero_config checks these agree with it.
struct AiFunctions {
    static QString scriptGenerator() { return QStringLiteral("script_generator"); }
    static QString promptEnhancer() { return QStringLiteral("prompt_enhancer"); }
    static QString sceneRewriter() { return QStringLiteral("scene_rewriter"); }
    static QString videoEvaluator() { return QStringLiteral("video_evaluator"); }
    /// script_generator's `fallback_variants[0]`: pinned for the one retry after a failed attempt.
    static QString scriptFallbackVariant() { return QStringLiteral("structured_smart"); }
};

} // namespace diy
