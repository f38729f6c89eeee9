#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

namespace diy {

/// Builds a cache key from every input of a piece of work (text, voice, style, image bytes, size,
/// engine version). Each part is length-prefixed so ("ab","c") and ("a","bc") differ.
class ContentHash {
public:
    ContentHash();
    ContentHash &add(const QByteArray &part);
    ContentHash &add(const QString &part);
    ContentHash &add(const char *label, const QString &part);
    ContentHash &add(qint64 number);
    /// Largest file ofFile()/addFile() hash by default (a video project's music or picture).
    static constexpr qint64 kMaxFileBytes = 512LL * 1024 * 1024;

    /// The file's bytes; a marker when it is missing, not a regular file or larger than maxBytes.
    ContentHash &addFile(const QString &path, qint64 maxBytes = kMaxFileBytes);
    /// Lower-case hex SHA-256, 64 characters.
    QString hex() const;
    /// First 16 hex characters: short enough for file names, long enough not to collide.
    QString shortHex() const;

    static QString ofBytes(const QByteArray &bytes);
    /// Hex SHA-256 of a regular file of at most maxBytes; empty when the file is missing, is not a
    /// regular file (/dev/zero, a FIFO, a folder) or is larger — it never reads without a bound.
    static QString ofFile(const QString &path, qint64 maxBytes = kMaxFileBytes);

private:
    QCryptographicHash m_hash;
};

} // namespace diy
