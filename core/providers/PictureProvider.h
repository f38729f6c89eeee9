#pragma once

#include "providers/ProviderInfo.h"

#include <QObject>

namespace diy {

class Job;
struct FrameSpec;

/// Makes a scene's finished picture at the video's frame size (a PNG at FrameSpec::outputPath):
/// the built-in card renderer, or a picture (the creator's photo or a generated one) framed with
/// the scene's overlays. Offline and free; painting runs in a thread pool, never on the caller's
/// thread. AI pictures are drawn first by an ImageGenerator and then framed by the photo provider.
class PictureProvider {
public:
    virtual ~PictureProvider() = default;
    virtual ProviderInfo info() const = 0;
    /// Part of every cache key of the frames it makes.
    virtual QString engineVersion() const = 0;
    /// A new job (not started) that paints `spec` into spec.outputPath, owned by `parent`.
    virtual Job *makeFrame(const FrameSpec &spec, QObject *parent) const = 0;
};

} // namespace diy
