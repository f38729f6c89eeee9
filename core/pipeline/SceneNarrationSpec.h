#pragma once

#include "media/NarrationJob.h"
#include "pipeline/ItemSpec.h"
#include "util/ContentHash.h"

namespace diy {

/// A scene's narration: the phrases (the caption chunks, so cues and captions line up), voice,
/// rate, pitch and pauses. `speech.outputWav` is where it goes (not part of the key); the cue file
/// sits beside it with the same name and `.json`.
struct SceneNarrationSpec : ItemSpec {
    NarrationSpec speech;
    QString provider; ///< VoiceProvider id

    QString cuesPath() const { return speech.outputWav.left(speech.outputWav.size() - 4) + QStringLiteral(".json"); }

    void addTo(ContentHash &hash) const override
    {
        hash.add("narration", provider)
            .add(speech.voice)
            .add(qint64(speech.wordsPerMinute))
            .add(qint64(speech.pitch))
            .add(speech.leadInMs)
            .add(speech.tailMs)
            .add(qint64(speech.phrases.size()));
        for (const QString &phrase : speech.phrases)
            hash.add(phrase);
    }
};

} // namespace diy
