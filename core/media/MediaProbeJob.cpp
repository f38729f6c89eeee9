#include "media/MediaProbeJob.h"

#include <QFileInfo>

namespace diy {

MediaProbeJob::MediaProbeJob(QString path, QObject *parent) : ProcessJob(parent), m_path(std::move(path)) {}

void MediaProbeJob::run()
{
    if (!QFileInfo::exists(m_path)) {
        fail(Error::notFound(QStringLiteral("%1 does not exist.").arg(m_path)));
        return;
    }
    Launch probe;
    probe.tool = MediaTools::Tool::Ffprobe;
    probe.arguments = {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-print_format"),
                       QStringLiteral("json"), QStringLiteral("-show_format"), QStringLiteral("-show_streams"),
                       QStringLiteral("--"), m_path};
    probe.description = QStringLiteral("reading %1").arg(QFileInfo(m_path).fileName());
    probe.onStdout = [this](const QByteArray &data) { m_stdout += data; };
    probe.onSuccess = [this](const QByteArray &) {
        Result<ProbeInfo> info = ProbeInfo::fromFfprobeJson(m_stdout);
        if (!info) {
            fail(info.error());
            return;
        }
        info->faststart = ProbeInfo::moovBeforeMdat(m_path);
        reportProgress(1.0);
        if (finishWith())
            emit finished(std::move(info));
    };
    launch(std::move(probe));
}

void MediaProbeJob::emitFailure(const Error &error)
{
    emit finished(error);
}

} // namespace diy
