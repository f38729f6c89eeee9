#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

#include <sys/types.h>

namespace diy::test {

/// A stand-in ffmpeg (a shell script set as DIY_FFMPEG) that runs the real one, except for a
/// segment encode once `segmentsBefore` segments of the project are finished, where it either
/// blocks (writes its pid to `gate`, then waits to be killed) or fails (exits 1). It turns "the
/// render is still running" or "an encode fails" into events a test can wait for.
class FfmpegStandIn {
public:
    enum class Action { Block, Fail };
    /// The environment for a CLI or pipeline run; the script is written into `tools`.
    static QProcessEnvironment environment(const QTemporaryDir &tools, const QString &projectDir, const QString &gate,
                                           Action action, int segmentsBefore = 2);
    /// The pid the blocked stand-in wrote into `gate`; 0 while it has not.
    static pid_t blockedPid(const QString &gate);
};

} // namespace diy::test
