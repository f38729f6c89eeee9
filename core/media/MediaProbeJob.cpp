#include "media/MediaProbeJob.h"

namespace diy {

MediaProbeJob::MediaProbeJob(QString path, QObject *parent) : ProcessJob(parent), m_path(std::move(path)) {}

void MediaProbeJob::run()
{
    launchProbe(m_path, [this](ProbeInfo info) {
        reportProgress(1.0);
        if (finishWith())
            emit finished(std::move(info));
    });
}

void MediaProbeJob::emitFailure(const Error &error)
{
    emit finished(error);
}

} // namespace diy
