#pragma once

#include "providers/VoiceProvider.h"

namespace diy {

/// The built-in offline voice: espeak-ng, one process per phrase, measured to the sample.
class EspeakVoiceProvider : public VoiceProvider {
public:
    ProviderInfo info() const override;
    QString engineVersion() const override;
    QString defaultVoice() const override;
    NarrationJob *makeNarration(const NarrationSpec &spec, QObject *parent) const override;
};

} // namespace diy
