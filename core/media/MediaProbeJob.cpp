#include "media/MediaProbeJob.h"

namespace diy {

MediaProbeJob::MediaProbeJob(QString path, QObject *parent) : ProcessJob(parent), m_path(std::move(path)) {}

void MediaProbeJob::begin()
{
    launchProbe(m_path, [this](ProbeInfo info) {
        reportFraction(1.0);
        m_info = std::move(info);
        succeed();
    });
}

} // namespace diy
