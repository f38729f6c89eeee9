#include "providers/PhotoPictureProvider.h"

#include "providers/FramePaintJob.h"
#include "providers/FrameSpec.h"

#include <QFileInfo>
#include <QImageReader>

namespace diy {

ProviderInfo PhotoPictureProvider::info() const
{
    ProviderInfo info;
    info.id = QStringLiteral("photo");
    info.displayName = QStringLiteral("Your photos");
    return info;
}

QString PhotoPictureProvider::engineVersion() const
{
    return QStringLiteral("photo-%1").arg(PhotoFrameComposer::engineVersion());
}

Result<QImage> PhotoPictureProvider::paint(const FrameSpec &spec)
{
    QImageReader reader(spec.picturePath);
    reader.setAutoTransform(true);
    const QImage photo = reader.read();
    if (photo.isNull())
        return Error::invalidInput(
            QStringLiteral("The picture for %1 (%2) cannot be read: replace it or switch back to the card.")
                .arg(spec.label, spec.pictureName.isEmpty() ? QFileInfo(spec.picturePath).fileName() : spec.pictureName),
            reader.errorString());
    return PhotoFrameComposer(spec.size).compose(photo, spec.overlay);
}

Job *PhotoPictureProvider::makeFrame(const FrameSpec &spec, QObject *parent) const
{
    return new FramePaintJob(
        m_pool, [spec] { return paint(spec); }, spec.outputPath, spec.label, parent);
}

} // namespace diy
