#pragma once

#include "providers/PictureProvider.h"

class QThreadPool;

namespace diy {

/// The built-in card renderer: title, materials checklist, numbered steps, completion. Offline.
class CardPictureProvider : public PictureProvider {
public:
    explicit CardPictureProvider(QThreadPool *pool = nullptr) : m_pool(pool) {}
    ProviderInfo info() const override;
    QString engineVersion() const override;
    Job *makeFrame(const FrameSpec &spec, QObject *parent) const override;
    /// Paints the card synchronously (thumbnails and tests call this from a worker thread).
    static QImage paint(const FrameSpec &spec);

private:
    QThreadPool *m_pool;
};

} // namespace diy
