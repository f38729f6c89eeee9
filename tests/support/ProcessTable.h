#pragma once

#include <QList>
#include <QString>

namespace diy::test {

/// The live processes of this machine (from /proc), for tests that must show a cancel really
/// stopped a child: after finished(Cancelled) no process may still name the job's files.
class ProcessTable {
public:
    /// Pids of live (not zombie) processes one of whose arguments contains `needle`.
    static QList<qint64> mentioning(const QString &needle);
};

} // namespace diy::test
