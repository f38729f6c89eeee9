#pragma once

#include "media/NarrationJob.h"
#include "util/Result.h"

namespace diy {

/// The cue file kept beside a narration WAV: its duration and one cue per phrase (JSON).
class NarrationCueFile {
public:
    static Status write(const QString &cuesPath, const NarrationResult &narration);
    /// An error when the file is missing or damaged (the narration is then made again).
    static Result<NarrationResult> read(const QString &cuesPath, const QString &wavPath);
};

} // namespace diy
