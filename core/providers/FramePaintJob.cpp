#include "providers/FramePaintJob.h"

#include "util/AtomicFile.h"
#include "util/BackgroundPool.h"

#include <QBuffer>
#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent>

namespace diy {

FramePaintJob::FramePaintJob(QThreadPool *pool, Painter painter, QString outputPath, QString label, QObject *parent)
    : Job(parent), m_pool(pool), m_painter(std::move(painter)), m_outputPath(std::move(outputPath)), m_label(std::move(label))
{
}

FramePaintJob::~FramePaintJob()
{
    *m_cancelled = true;
}

void FramePaintJob::run()
{
    reportProgress(0.0, QStringLiteral("Painting %1").arg(m_label));
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher] {
        const Status status = watcher->result();
        watcher->deleteLater();
        if (!cancelRequested())
            finish(status);
    });
    const auto task = [painter = m_painter, output = m_outputPath, label = m_label, cancelled = m_cancelled]() -> Status {
        if (*cancelled)
            return Error::cancelled();
        const Result<QImage> image = painter();
        if (!image)
            return image.error();
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        if (!image->save(&buffer, "PNG", 1))
            return Error::internal(QStringLiteral("Could not encode the image for %1.").arg(label));
        if (*cancelled)
            return Error::cancelled();
        return AtomicFile::write(output, png);
    };
    watcher->setFuture(QtConcurrent::run(m_pool ? m_pool : BackgroundPool::instance(), task));
}

void FramePaintJob::abort()
{
    *m_cancelled = true;
    finish(Error::cancelled());
}

} // namespace diy
