#pragma once

#include <QHash>
#include <QImage>
#include <QObject>
#include <QPixmap>
#include <QSet>

#include <functional>

namespace diy::ui {

/// Decodes or draws pictures off the GUI thread (QtConcurrent, one watcher per job parented to
/// the cache) and keeps the results by key. Ask with image(); when it is not there yet, a job
/// starts and imageReady(key) follows.
class ThumbnailCache : public QObject {
    Q_OBJECT
public:
    using Producer = std::function<QImage()>;

    explicit ThumbnailCache(QObject *parent = nullptr);
    /// Waits for pictures still being made (they paint with the application's fonts).
    ~ThumbnailCache() override;

    /// The cached picture, or a null pixmap while `producer` runs in the thread pool.
    QPixmap image(const QString &key, const Producer &producer);
    bool contains(const QString &key) const { return m_pixmaps.contains(key); }
    bool isPending(const QString &key) const { return m_pending.contains(key); }
    int pendingCount() const { return int(m_pending.size()); }
    void invalidate(const QString &key);
    void clear();

    /// Reads an image file scaled to fit `box` (for producers).
    static QImage decodeScaled(const QString &path, QSize box);

signals:
    void imageReady(const QString &key);

private:
    QHash<QString, QPixmap> m_pixmaps;
    QSet<QString> m_pending;
    quint64 m_generation = 0;
};

} // namespace diy::ui
