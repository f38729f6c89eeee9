#pragma once

#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>

namespace diy {

/// Frames a creator's photo (or a generated image) for the video: a softly blurred, darkened
/// cover of the photo fills the frame, the whole photo sits inside the card area with rounded
/// corners, and the scene's overlays (step badge and title, or the materials checklist) are drawn
/// on top inside the safe area. The caption band stays free. Deterministic.
class PhotoFrameComposer {
public:
    struct Overlay {
        int stepNumber = 0; ///< > 0: a "STEP 2 OF 5" badge
        int stepCount = 0;
        QString title;         ///< headline band (empty: none)
        QStringList checklist; ///< materials: a compact checklist panel
    };

    explicit PhotoFrameComposer(QSize frame) : m_frame(frame) {}
    QImage compose(const QImage &photo, const Overlay &overlay) const;
    static int engineVersion() { return 1; }

private:
    QSize m_frame;
};

} // namespace diy
