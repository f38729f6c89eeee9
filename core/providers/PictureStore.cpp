#include "providers/PictureStore.h"

#include "util/AtomicFile.h"
#include "util/ContentHash.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>

namespace diy {

namespace {
Error notAPicture(const QString &message, const QString &detail)
{
    Error e;
    e.kind = Error::Kind::Server;
    e.message = message;
    e.detail = detail;
    e.retryable = true;
    return e;
}
} // namespace

QString PictureStore::sniffMimeType(const QByteArray &bytes)
{
    if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("image/png");
    if (bytes.size() > 3 && uchar(bytes[0]) == 0xff && uchar(bytes[1]) == 0xd8 && uchar(bytes[2]) == 0xff)
        return QStringLiteral("image/jpeg");
    if (bytes.size() > 12 && bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        return QStringLiteral("image/webp");
    return {};
}

Result<PictureStore::Stored> PictureStore::store(const QByteArray &bytes, const QString &dir)
{
    const QString mime = sniffMimeType(bytes);
    if (mime.isEmpty())
        return notAPicture(
            QStringLiteral("The answer did not contain a PNG, JPEG or WebP picture."),
            QStringLiteral("%1 bytes starting with %2").arg(bytes.size()).arg(QString::fromLatin1(bytes.left(8).toHex())));
    const QByteArray format = mime.mid(6).toLatin1(); // png, jpeg, webp
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, format);
    const QImage image = reader.read();
    if (image.isNull())
        return notAPicture(QStringLiteral("The picture in the answer is damaged or in a format this system cannot read (%1).")
                               .arg(QString::fromLatin1(format)),
                           reader.errorString());

    Stored out;
    out.sha256 = ContentHash::ofBytes(bytes);
    out.mimeType = mime;
    out.size = image.size();
    const QString ext = format == "jpeg" ? QStringLiteral("jpg") : QString::fromLatin1(format);
    out.path = QDir(dir).absoluteFilePath(out.sha256 + QLatin1Char('.') + ext);
    if (!QFileInfo::exists(out.path)) {
        if (Status written = AtomicFile::write(out.path, bytes); !written)
            return written.error();
    }
    return out;
}

} // namespace diy
