#pragma once

#include "media/ProbeInfo.h"
#include "media/ProcessJob.h"

namespace diy {

/// Runs ffprobe (-print_format json) on a file.
class MediaProbeJob : public ProcessJob {
    Q_OBJECT
public:
    explicit MediaProbeJob(QString path, QObject *parent = nullptr);

signals:
    void finished(diy::Result<diy::ProbeInfo> result);

protected:
    void run() override;
    void emitFailure(const Error &error) override;

private:
    QString m_path;
};

} // namespace diy
