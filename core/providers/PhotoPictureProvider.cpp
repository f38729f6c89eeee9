#include "providers/PhotoPictureProvider.h"

#include "providers/FramePaintJob.h"
#include "providers/FrameSpec.h"
#include "providers/PictureReceipt.h"

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
    QString path = spec.picturePath;
    if (path.isEmpty() && !spec.pictureKey.isEmpty()) {
        // A picture drawn earlier in this run: its receipt names the stored file.
        const std::optional<GeneratedImage> drawn = PictureReceipt::find(spec.pictureReceiptDir, spec.pictureKey);
        if (!drawn)
            return Error::invalidInput(
                QStringLiteral("The generated picture for %1 is missing or damaged: generate it again or switch to the card.")
                    .arg(spec.label));
        path = drawn->path;
    }
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QImage photo = reader.read();
    if (photo.isNull())
        return Error::invalidInput(
            QStringLiteral("The picture for %1 (%2) cannot be read: replace it or switch back to the card.")
                .arg(spec.label, spec.pictureName.isEmpty() ? QFileInfo(path).fileName() : spec.pictureName),
            reader.errorString());
    return PhotoFrameComposer(spec.size).compose(photo, spec.overlay);
}

Job *PhotoPictureProvider::makeFrame(const FrameSpec &spec, QObject *parent) const
{
    return new FramePaintJob(
        m_pool, [spec] { return paint(spec); }, spec.outputPath, spec.label, parent);
}

} // namespace diy
