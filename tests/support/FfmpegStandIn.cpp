#include "FfmpegStandIn.h"

#include "store/ProjectStore.h"

#include <QFile>
#include <QStandardPaths>

namespace diy::test {

QProcessEnvironment FfmpegStandIn::environment(const QTemporaryDir &tools, const QString &projectDir, const QString &gate,
                                               Action action, int segmentsBefore)
{
    const QString wrapper = tools.filePath(QStringLiteral("ffmpeg"));
    QFile script(wrapper);
    if (!script.open(QIODevice::WriteOnly))
        return {};
    const QByteArray then = action == Action::Block
                                ? QByteArrayLiteral("echo $$ > \"$GATE.tmp\" && mv \"$GATE.tmp\" \"$GATE\"; exec sleep 600")
                                : QByteArrayLiteral("echo 'stand-in ffmpeg: encode refused' >&2; exit 1");
    script.write("#!/bin/sh\n"
                 "for a in \"$@\"; do case \"$a\" in \"$SEGMENTS\"/*) segment=1;; esac; done\n"
                 "if [ -n \"$segment\" ] && [ \"$(ls \"$SEGMENTS\" | grep -c '\\.mp4$')\" -ge \"$BEFORE\" ]; then\n  "
                 + then
                 + "\nfi\n"
                   "exec \"$REAL_FFMPEG\" \"$@\"\n");
    script.close();
    script.setPermissions(script.permissions() | QFileDevice::ExeOwner);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DIY_FFMPEG"), wrapper);
    env.insert(QStringLiteral("REAL_FFMPEG"), QStandardPaths::findExecutable(QStringLiteral("ffmpeg")));
    env.insert(QStringLiteral("SEGMENTS"), ProjectStore::cacheDir(projectDir) + QStringLiteral("/segments"));
    env.insert(QStringLiteral("GATE"), gate);
    env.insert(QStringLiteral("BEFORE"), QString::number(segmentsBefore));
    return env;
}

pid_t FfmpegStandIn::blockedPid(const QString &gate)
{
    QFile f(gate);
    return f.open(QIODevice::ReadOnly) ? pid_t(f.readAll().trimmed().toInt()) : 0;
}

} // namespace diy::test
