#pragma once

#include "util/Result.h"

#include <QString>

namespace diy {

/// Finds the external programs the offline engine runs. Each can be overridden by an environment
/// variable (DIY_FFMPEG, DIY_FFPROBE, DIY_ESPEAK) holding a path, which tests use to simulate a
/// missing tool.
class MediaTools {
public:
    enum class Tool { Ffmpeg, Ffprobe, EspeakNg };

    /// Absolute path of the program, or Error::missingTool naming the Debian package.
    static Result<QString> locate(Tool tool);
    static QString programName(Tool tool);
    static QString debianPackage(Tool tool);
    /// Folded into every cache key of media work; bump when any output changes.
    static QString engineVersion();
};

} // namespace diy
