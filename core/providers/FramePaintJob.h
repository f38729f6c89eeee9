#pragma once

#include "util/Job.h"

#include <QImage>

#include <atomic>
#include <functional>
#include <memory>

class QThreadPool;

namespace diy {

/// Paints one picture in a thread pool and writes it as PNG (atomically). Cancel stops waiting at
/// once; the pool task sees the flag and writes nothing.
class FramePaintJob : public Job {
    Q_OBJECT
public:
    using Painter = std::function<Result<QImage>()>;
    FramePaintJob(QThreadPool *pool, Painter painter, QString outputPath, QString label, QObject *parent = nullptr);
    ~FramePaintJob() override;

private:
    void run() override;
    void abort() override;

    QThreadPool *m_pool;
    Painter m_painter;
    QString m_outputPath;
    QString m_label;
    std::shared_ptr<std::atomic_bool> m_cancelled = std::make_shared<std::atomic_bool>(false);
};

} // namespace diy
