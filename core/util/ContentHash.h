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
    ContentHash &addFile(const QString &path); ///< the file's bytes (empty marker if missing)
    /// Lower-case hex SHA-256, 64 characters.
    QString hex() const;
    /// First 16 hex characters: short enough for file names, long enough not to collide.
    QString shortHex() const;

    static QString ofBytes(const QByteArray &bytes);
    static QString ofFile(const QString &path);

private:
    QCryptographicHash m_hash;
};

} // namespace diy
