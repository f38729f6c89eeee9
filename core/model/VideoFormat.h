#pragma once

#include <QList>
#include <QSize>
#include <QString>

namespace diy {

/// The output frame format: vertical (default), landscape or square.
class VideoFormat {
public:
    enum class Kind { Vertical, Landscape, Square };

    VideoFormat() = default;
    explicit VideoFormat(Kind kind) : m_kind(kind) {}

    Kind kind() const { return m_kind; }
    QSize size() const;
    /// "9:16", "16:9" or "1:1": the id used in project files and TensorZero arguments.
    QString id() const;
    QString displayName() const;

    static bool fromId(const QString &id, VideoFormat *out);
    static QList<VideoFormat> all();

    bool operator==(const VideoFormat &) const = default;

private:
    Kind m_kind = Kind::Vertical;
};

} // namespace diy
