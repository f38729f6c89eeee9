#pragma once

#include <QString>

namespace diy::test {

/// A real full disk for tests: re-runs the current test binary's `testFunction` in a private
/// mount namespace (`unshare -rm`, no root needed) where a tmpfs of `sizeKb` is mounted on a fresh
/// folder, passed to the child in $DIY_FULL_DISK_DIR. The test function checks fullDiskFolder():
/// non-empty means "I am the child: write there and verify"; empty means "I am the parent: call
/// runOnFullDisk() and check its result".
struct FullDiskRun {
    int exitCode = -1;
    QString output; ///< stdout and stderr of the child
};

QString fullDiskFolder();
FullDiskRun runOnFullDisk(const char *testFunction, int sizeKb = 64);

} // namespace diy::test
