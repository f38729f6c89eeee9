#include "pipeline/SegmentsStage.h"

#include "media/CaptionTrack.h"
#include "media/NarrationCueFile.h"
#include "media/SegmentJob.h"
#include "pipeline/ChainedJob.h"
#include "pipeline/PlanBuilder.h"
#include "pipeline/SceneNarrationSpec.h"
#include "pipeline/SegmentItemSpec.h"
#include "providers/AssemblyEngine.h"
#include "util/AtomicFile.h"

namespace diy {

SegmentsStage::SegmentsStage(std::shared_ptr<const AssemblyEngine> engine) : m_engine(std::move(engine)) {}

QString SegmentsStage::title() const
{
    return QStringLiteral("Segments");
}

void SegmentsStage::plan(PlanBuilder &builder) const
{
    for (int i = 0; i < int(builder.scenes().size()); ++i) {
        const int frameIndex = builder.indexOf(RenderStage::Frames, i);
        const int narrationIndex = builder.indexOf(RenderStage::Narration, i);
        if (frameIndex < 0 || narrationIndex < 0)
            continue;
        const PlanItem &frame = builder.items().at(frameIndex);
        const PlanItem &narration = builder.items().at(narrationIndex);
        const auto *speech = narration.specAs<SceneNarrationSpec>();
        auto spec = std::make_shared<SegmentItemSpec>();
        spec->engineVersion = m_engine->engineVersion();
        spec->frameKey = frame.key;
        spec->framePath = frame.outputPath;
        spec->narrationKey = narration.key;
        spec->narrationWav = narration.outputPath;
        spec->captions.narrationKey = narration.key;
        spec->captions.cuesPath = speech->cuesPath();
        spec->captions.style = builder.captionStyle();
        spec->captions.frame = builder.frameSize();
        spec->captions.outputPath = builder.cacheFile(QStringLiteral("captions"), spec->captions.key(), QStringLiteral(".ass"));
        spec->frame = builder.frameSize();
        spec->fps = builder.fps();
        PlanItem item;
        item.scene = i;
        item.label = builder.scenes().at(i).displayName();
        item.key = PlanBuilder::keyOf(id(), *spec);
        item.outputPath = builder.cacheFile(QStringLiteral("segments"), item.key, QStringLiteral(".mp4"));
        item.inputs = {frameIndex, narrationIndex};
        item.lane = PlanItem::Lane::Encode;
        item.weight = qMax<double>(10.0, double(builder.scenes().at(i).narration.size()));
        item.spec = spec;
        builder.add(*this, item);
    }
}

Job *SegmentsStage::makeJob(const PlanItem &item, QObject *parent) const
{
    const SegmentItemSpec spec = *item.specAs<SegmentItemSpec>();
    const QString output = item.outputPath;
    auto engine = m_engine;
    return new ChainedJob(
        QStringLiteral("Encoding %1").arg(item.label),
        [engine, spec, output](QObject *owner) -> Result<Job *> {
            const Result<NarrationResult> narration = NarrationCueFile::read(spec.captions.cuesPath, spec.narrationWav);
            if (!narration)
                return narration.error();
            CaptionTrack track;
            track.cues = narration->cues;
            const Status written =
                AtomicFile::write(spec.captions.outputPath, track.toAss(spec.captions.style, spec.captions.frame).toUtf8());
            if (!written)
                return written.error();
            SegmentSpec segment;
            segment.imagePath = spec.framePath;
            segment.audioPath = spec.narrationWav;
            segment.assPath = spec.captions.outputPath;
            segment.outputPath = output;
            segment.frame = spec.frame;
            segment.fps = spec.fps;
            segment.durationMs = narration->durationMs;
            return engine->makeSegment(segment, owner);
        },
        {}, parent);
}

} // namespace diy
