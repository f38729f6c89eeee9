#include "model/VideoFormat.h"

namespace diy {

QSize VideoFormat::size() const
{
    switch (m_kind) {
    case Kind::Vertical: return {1080, 1920};
    case Kind::Landscape: return {1920, 1080};
    case Kind::Square: return {1080, 1080};
    }
    return {1080, 1920};
}

QString VideoFormat::id() const
{
    switch (m_kind) {
    case Kind::Vertical: return QStringLiteral("9:16");
    case Kind::Landscape: return QStringLiteral("16:9");
    case Kind::Square: return QStringLiteral("1:1");
    }
    return QStringLiteral("9:16");
}

QString VideoFormat::displayName() const
{
    switch (m_kind) {
    case Kind::Vertical: return QStringLiteral("Vertical 9:16 (1080×1920)");
    case Kind::Landscape: return QStringLiteral("Landscape 16:9 (1920×1080)");
    case Kind::Square: return QStringLiteral("Square 1:1 (1080×1080)");
    }
    return {};
}

bool VideoFormat::fromId(const QString &id, VideoFormat *out)
{
    for (const VideoFormat &f : all()) {
        if (f.id() == id) {
            *out = f;
            return true;
        }
    }
    return false;
}

QList<VideoFormat> VideoFormat::all()
{
    return {VideoFormat(Kind::Vertical), VideoFormat(Kind::Landscape), VideoFormat(Kind::Square)};
}

} // namespace diy
