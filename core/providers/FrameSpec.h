#pragma once

#include "media/CardContent.h"
#include "media/PhotoFrameComposer.h"
#include "pipeline/ItemSpec.h"

#include <QSize>
#include <QString>

namespace diy {

/// A scene's finished picture at the frame size: a designed card, or a picture (the creator's
/// photo or a generated one, named by its content hash) framed with the scene's overlays.
struct FrameSpec : ItemSpec {
    enum class Source { Card, Picture };

    Source source = Source::Card;
    CardContent card;    ///< Source::Card
    QString picturePath; ///< Source::Picture: absolute path (not part of the key)
    QString pictureSha;  ///< Source::Picture: content hash (part of the key)
    QString pictureName; ///< Source::Picture: the name the creator knows it by (messages)
    /// Source::Picture drawn in this run: picturePath is empty until the picture exists; it is
    /// found through its receipt (PictureReceipt) in pictureReceiptDir under pictureKey. Not part
    /// of the key (pictureSha is "generated:<pictureKey>" then).
    QString pictureReceiptDir;
    QString pictureKey;
    PhotoFrameComposer::Overlay overlay; ///< Source::Picture
    QSize size;
    QString provider;   ///< PictureProvider id: "card" or "photo"
    QString outputPath; ///< PNG written here (not part of the key)
    QString label;      ///< "Step 2", for messages (not part of the key)

    void addTo(ContentHash &hash) const override;
};

} // namespace diy
