#pragma once

#include "model/Project.h"
#include "util/Result.h"

#include <QString>

#include <optional>

namespace diy {

/// The one way a finished pipeline run lands in a project, for the studio and the CLI alike:
/// every run is recorded (done, failed or cancelled) exactly as the pipeline reported it
/// (RenderPipeline::runRecord()); a finished render also becomes the project's lastRender.
class RunHistory {
public:
    /// Records the run in `project` (the studio does this inside its document's undoable update).
    static void record(Project &project, const RunRecord &run, const std::optional<RenderRecord> &render = std::nullopt);

    /// For programs without an open document (the CLI): rereads <folder>/project.json so edits
    /// made meanwhile (in the studio) are kept, records the run and saves atomically. A project
    /// file that can no longer be read is left alone (the error says why).
    static Status recordInFolder(const QString &folder, const RunRecord &run,
                                 const std::optional<RenderRecord> &render = std::nullopt);
};

} // namespace diy
