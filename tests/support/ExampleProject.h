#pragma once

#include "model/Project.h"

#include <QString>

namespace diy::test {

/// The bundled example (resources/examples/paper-airplanes), loaded and checked.
Project exampleProject();
/// A copy of the example folder in `targetDir` (for tests that render or modify it).
QString copyExampleTo(const QString &targetDir);
/// A minimal valid script with `steps` steps (3–8).
Script minimalScript(int steps = 3);

} // namespace diy::test
