#pragma once

#include "providers/ProviderInfo.h"

#include <QObject>

namespace diy {

class NarrationJob;
struct NarrationSpec;

/// Speaks a scene's narration phrase by phrase into one WAV with exact caption cues.
class VoiceProvider {
public:
    virtual ~VoiceProvider() = default;
    virtual ProviderInfo info() const = 0;
    /// Part of every cache key of the narration it makes.
    virtual QString engineVersion() const = 0;
    /// The voice used when the project names none.
    virtual QString defaultVoice() const = 0;
    /// A new job (not started) speaking `spec` into spec.outputWav, owned by `parent`.
    virtual NarrationJob *makeNarration(const NarrationSpec &spec, QObject *parent) const = 0;
};

} // namespace diy
