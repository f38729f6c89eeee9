#include "pipeline/NarrationStage.h"

#include "media/CaptionChunker.h"
#include "media/NarrationCueFile.h"
#include "pipeline/ChainedJob.h"
#include "pipeline/PlanBuilder.h"
#include "pipeline/SceneDesign.h"
#include "pipeline/SceneNarrationSpec.h"
#include "providers/VoiceProvider.h"

namespace diy {

NarrationStage::NarrationStage(std::shared_ptr<const VoiceProvider> voice) : m_voice(std::move(voice)) {}

QString NarrationStage::title() const
{
    return QStringLiteral("Narration");
}

void NarrationStage::plan(PlanBuilder &builder) const
{
    const Brief &brief = builder.project().brief;
    for (int i = 0; i < int(builder.scenes().size()); ++i) {
        const Scene &scene = builder.scenes().at(i);
        auto spec = std::make_shared<SceneNarrationSpec>();
        spec->provider = m_voice->info().id;
        spec->engineVersion = m_voice->engineVersion();
        spec->speech.phrases = CaptionChunker::chunk(scene.narration, builder.captionStyle(), builder.frameSize());
        spec->speech.voice = brief.voice.isEmpty() ? m_voice->defaultVoice() : brief.voice;
        spec->speech.wordsPerMinute = brief.speechRate;
        spec->speech.pitch = SceneDesign::narrationPitch(brief);
        PlanItem item;
        item.scene = i;
        item.label = scene.displayName();
        item.key = PlanBuilder::keyOf(id(), *spec);
        spec->speech.outputWav = builder.cacheFile(QStringLiteral("narration"), item.key, QStringLiteral(".wav"));
        item.outputPath = spec->speech.outputWav;
        item.extraOutputs = {spec->cuesPath()};
        item.lane = PlanItem::Lane::Light;
        item.priority = 0;
        item.spec = spec;
        builder.add(*this, item);
    }
}

bool NarrationStage::isDone(const PlanItem &item) const
{
    const auto *spec = item.specAs<SceneNarrationSpec>();
    return Stage::isDone(item) && spec && NarrationCueFile::read(spec->cuesPath(), spec->speech.outputWav).ok();
}

Job *NarrationStage::makeJob(const PlanItem &item, QObject *parent) const
{
    const SceneNarrationSpec spec = *item.specAs<SceneNarrationSpec>();
    auto voice = m_voice;
    return new ChainedJob(
        QStringLiteral("Speaking %1").arg(item.label),
        [voice, spec](QObject *owner) -> Result<Job *> { return voice->makeNarration(spec.speech, owner); },
        [spec](Job *child) -> Status {
            const Result<NarrationResult> result = static_cast<NarrationJob *>(child)->result();
            if (!result)
                return result.error();
            return NarrationCueFile::write(spec.cuesPath(), *result);
        },
        parent);
}

} // namespace diy
