#pragma once

#include "model/Project.h"

#include <QSize>
#include <QString>

namespace diy::test {

/// A small valid project (3 steps, short narration) saved into `folder`, for renders that must
/// finish in seconds. Rendered at kTinyFrame by tests.
Project makeTinyProject(const QString &folder);
inline QSize tinyFrame()
{
    return {180, 320};
}

} // namespace diy::test
