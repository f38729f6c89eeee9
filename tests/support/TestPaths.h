#pragma once

#include <QString>

namespace diy::test {

/// The repository root (for templates/, config/, resources/).
QString sourceDir();
QString sourcePath(const QString &relative);
/// The diy-studio-cli binary built beside the tests (from the DIY_CLI environment variable CTest sets).
QString cliPath();

} // namespace diy::test
