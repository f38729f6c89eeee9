#pragma once

#include "media/PhotoFrameComposer.h"

#include "media/CaptionStyle.h"
#include "media/CardContent.h"
#include "model/Brief.h"
#include "model/Scene.h"

namespace diy {

/// Maps the creator's choices (brief, scene) onto the engine's inputs: what each card shows and
/// how captions look. One place, so the plan's cache keys and the render use the same values.
class SceneDesign {
public:
    static CardContent cardContent(const Scene &scene, const Brief &brief, const QString &scriptTitle);
    /// What is drawn over a photo or generated picture: step badge and title, or the checklist.
    static PhotoFrameComposer::Overlay photoOverlay(const Scene &scene);
    static CaptionStyle captionStyle(const Brief &brief);
    /// espeak-ng pitch (0–99) for the content mode: a little brighter for kids.
    static int narrationPitch(const Brief &brief);
    /// First sentence of a narration, shortened for a card's key line.
    static QString keyLine(const QString &narration, int maxChars = 140);
};

} // namespace diy
