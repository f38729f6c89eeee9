#pragma once

#include "media/ProbeInfo.h"
#include "media/ProcessJob.h"

namespace diy {

/// Runs ffprobe (-print_format json) on a file.
class MediaProbeJob : public ProcessJob {
    Q_OBJECT
public:
    /// What ffprobe found, or the error, once finished.
    Result<ProbeInfo> result() const { return status() ? Result<ProbeInfo>(m_info) : Result<ProbeInfo>(status().error()); }
    explicit MediaProbeJob(QString path, QObject *parent = nullptr);

protected:
    void begin() override;

private:
    ProbeInfo m_info;
    QString m_path;
};

} // namespace diy
