#include "images/ThumbnailCache.h"
#include "util/BackgroundPool.h"

#include <QFutureWatcher>
#include <QImageReader>
#include <QtConcurrent>

namespace diy::ui {

ThumbnailCache::ThumbnailCache(QObject *parent) : QObject(parent) {}

ThumbnailCache::~ThumbnailCache()
{
    BackgroundPool::drain();
}

QPixmap ThumbnailCache::image(const QString &key, const Producer &producer)
{
    const auto it = m_pixmaps.constFind(key);
    if (it != m_pixmaps.cend())
        return *it;
    if (m_pending.contains(key))
        return {};
    m_pending.insert(key);
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, key, generation] {
        watcher->deleteLater();
        if (generation != m_generation || !m_pending.remove(key))
            return;
        const QImage image = watcher->result();
        m_pixmaps.insert(key, QPixmap::fromImage(image));
        emit imageReady(key);
    });
    watcher->setFuture(QtConcurrent::run(BackgroundPool::instance(), producer));
    return {};
}

void ThumbnailCache::invalidate(const QString &key)
{
    m_pixmaps.remove(key);
    m_pending.remove(key);
}

void ThumbnailCache::clear()
{
    ++m_generation;
    m_pixmaps.clear();
    m_pending.clear();
}

QImage ThumbnailCache::decodeScaled(const QString &path, QSize box)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid())
        reader.setScaledSize(size.scaled(box, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (!image.isNull() && (image.width() > box.width() || image.height() > box.height()))
        image = image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

} // namespace diy::ui
