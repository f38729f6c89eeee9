#pragma once

#include <QString>

namespace diy {

/// What a provider (pictures, voices, assembly) needs and offers, so the UI, the estimate and the
/// scheduler can ask instead of knowing providers by name.
struct ProviderInfo {
    QString id;          ///< "card", "photo", "gemini", "openai", "espeak", "ffmpeg"…
    QString displayName; ///< for creators: "Google Gemini"
    bool needsNetwork = false;
    QString defaultModel;         ///< the model a new spec uses ("gemini-2.5-flash-image"); empty: none
    QString keyName;              ///< environment variable / keychain entry holding its key; empty: no key
    double costPerUnit = 0.0;     ///< USD per unit (list price; the editable price table may override)
    QString unit;                 ///< "picture", "1M characters", "second"…; empty when free
    int maxConcurrency = 0;       ///< items at once; 0 = as many as the run allows (local engines)
    bool referenceImages = false; ///< accepts reference pictures for a consistent look
    bool wordTimings = false;     ///< returns word timings (captions from the provider)

    bool isPaid() const { return costPerUnit > 0.0; }
};

} // namespace diy
