#include "ProcessTable.h"

#include <QDir>
#include <QFile>

namespace diy::test {

QList<qint64> ProcessTable::mentioning(const QString &needle)
{
    QList<qint64> out;
    const QByteArray wanted = needle.toUtf8();
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (stat.open(QIODevice::ReadOnly)) {
            const QByteArray line = stat.readAll();
            const qsizetype close = line.lastIndexOf(')');
            if (close > 0 && line.mid(close + 2, 1) == "Z")
                continue; // a zombie holds no resources and runs nothing
        }
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> arguments = cmdline.readAll().split('\0');
        for (const QByteArray &argument : arguments) {
            if (argument.contains(wanted)) {
                out.append(pid);
                break;
            }
        }
    }
    return out;
}

} // namespace diy::test
