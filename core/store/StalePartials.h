#pragma once

#include <QString>
#include <QStringList>

namespace diy {

/// Work files of a render that was killed: `.<name>.partial-<pid>-<n>` files and folders (and their
/// `.ffconcat` lists and `.d` work folders) in assets/cache/ and renders/. A process that ends
/// normally removes its own; after a kill they stay, so the next start sweeps those whose process
/// is gone. Partials of a live process (this one included) are never touched.
/// Called when the CLI renders and when the studio opens a project.
class StalePartials {
public:
    /// Removes stale partials under the project's assets/cache/ and renders/; returns what was removed.
    static QStringList sweep(const QString &projectDir);
    /// The pid in a partial's file name, or 0 when the name is not a partial's.
    static qint64 ownerPid(const QString &fileName);
    static bool isProcessAlive(qint64 pid);
};

} // namespace diy
