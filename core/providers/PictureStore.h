#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QSize>
#include <QString>

namespace diy {

/// Checks that bytes a provider sent are a real picture and stores them under their content hash.
/// Pure functions, safe to call from a pool thread.
class PictureStore {
public:
    struct Stored {
        QString path; ///< <dir>/<sha256>.<ext>
        QString sha256;
        QString mimeType; ///< from the bytes, not from what the server claimed
        QSize size;
    };

    /// "image/png", "image/jpeg" or "image/webp" from the file signature, else empty.
    static QString sniffMimeType(const QByteArray &bytes);
    /// Checks the signature and decodes the picture fully (a truncated or corrupt file is refused),
    /// then writes it atomically as <dir>/<sha256>.<ext> (kept as is when it already exists).
    /// Errors are Error::Kind::Server (not a picture) or Io.
    static Result<Stored> store(const QByteArray &bytes, const QString &dir);
};

} // namespace diy
