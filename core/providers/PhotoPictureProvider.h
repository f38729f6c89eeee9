#pragma once

#include "providers/PictureProvider.h"
#include "util/Result.h"

#include <QImage>

class QThreadPool;

namespace diy {

/// Frames a picture — the creator's photo or a generated one — for the video with the scene's
/// overlays (PhotoFrameComposer). Offline.
class PhotoPictureProvider : public PictureProvider {
public:
    explicit PhotoPictureProvider(QThreadPool *pool = nullptr) : m_pool(pool) {}
    ProviderInfo info() const override;
    QString engineVersion() const override;
    Job *makeFrame(const FrameSpec &spec, QObject *parent) const override;
    /// Reads and frames the picture synchronously (worker threads only); an error names the scene.
    static Result<QImage> paint(const FrameSpec &spec);

private:
    QThreadPool *m_pool;
};

} // namespace diy
