#pragma once

#include "model/Project.h"
#include "pipeline/RenderStage.h"

#include <nlohmann/json.hpp>

#include <QString>

#include <map>

namespace diy {

/// What a finished render produced: the video, the time per stage, what was reused, the checks.
struct RenderSummary {
    QString outputPath; ///< absolute path of the final MP4
    qint64 durationMs = 0;
    int scenes = 0;
    std::map<RenderStage, double> stageSeconds;
    int itemsReused = 0;
    int itemsMade = 0;
    double totalSeconds = 0.0;
    nlohmann::json checks;                               ///< the technical report (also written to reportPath)
    nlohmann::json sceneFiles = nlohmann::json::array(); ///< per scene: label, frame, narration, segment, durationMs
    QString reportPath;
    QString thumbnailPath; ///< 1280x720 title card for video sites (absolute)
    RunRecord run;         ///< for Project::runs
    RenderRecord render;   ///< for Project::lastRender

    nlohmann::json toJson() const;
};

} // namespace diy
