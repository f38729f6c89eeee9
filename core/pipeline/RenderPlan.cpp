#include "pipeline/RenderPlan.h"

#include "pipeline/FramesStage.h"
#include "pipeline/PlanBuilder.h"
#include "pipeline/SegmentItemSpec.h"
#include "pipeline/Stage.h"
#include "pipeline/StageRegistry.h"
#include "providers/FrameSpec.h"

#include <QFileInfo>

namespace diy {

RenderPlan RenderPlan::make(const Project &project, const QString &projectDir, QSize frameOverride, const StageRegistry *registry)
{
    if (!registry)
        registry = &StageRegistry::catalog();
    RenderPlan plan;
    plan.frameSize = frameOverride.isValid() ? frameOverride : project.brief.format.size();
    PlanBuilder builder(project, projectDir, plan.frameSize);
    plan.fps = builder.fps();
    for (const Stage *stage : registry->stages())
        stage->plan(builder);
    plan.items = builder.takeItems();

    for (int i = 0; i < int(builder.scenes().size()); ++i) {
        SceneItems view;
        view.scene = builder.scenes().at(i);
        if (const PlanItem *frame = plan.item(RenderStage::Frames, i)) {
            view.frameKey = frame->key;
            view.framePath = frame->outputPath;
            view.frameDone = frame->done;
        }
        if (const PlanItem *narration = plan.item(RenderStage::Narration, i)) {
            view.narrationKey = narration->key;
            view.narrationPath = narration->outputPath;
            view.narrationDone = narration->done;
        }
        if (const PlanItem *segment = plan.item(RenderStage::Segments, i)) {
            view.segmentKey = segment->key;
            view.segmentPath = segment->outputPath;
            view.segmentDone = segment->done;
            if (const auto *spec = segment->specAs<SegmentItemSpec>())
                view.captionsPath = spec->captions.outputPath;
        }
        if (const PlanItem *check = plan.item(RenderStage::Checks, i)) {
            view.checkKey = check->key;
            view.checkPath = check->outputPath;
            view.checkDone = check->done;
        }
        plan.scenes.append(view);
    }
    if (const PlanItem *merge = plan.item(RenderStage::Merge, -1)) {
        plan.mergeKey = merge->key;
        plan.outputPath = merge->outputPath;
        plan.mergeDone = merge->done;
        plan.reportPath = plan.outputPath.left(plan.outputPath.size() - 4) + QStringLiteral(".checks.json");
    }
    return plan;
}

FrameSpec RenderPlan::frameSpec(const Project &project, const QString &projectDir, int index, QSize size)
{
    const PlanBuilder builder(project, projectDir, size);
    const auto *frames = static_cast<const FramesStage *>(StageRegistry::catalog().find(RenderStage::Frames));
    return frames->frameSpec(builder, index);
}

const PlanItem *RenderPlan::item(const RenderStage &stage, int scene) const
{
    for (const PlanItem &i : items)
        if (i.stage == stage && i.scene == scene)
            return &i;
    return nullptr;
}

int RenderPlan::totalItems(const RenderStage &stage) const
{
    int n = 0;
    for (const PlanItem &i : items)
        n += i.stage == stage ? 1 : 0;
    return n;
}

int RenderPlan::pendingItems(const RenderStage &stage) const
{
    int n = 0;
    for (const PlanItem &i : items)
        n += i.stage == stage && !i.done ? 1 : 0;
    return n;
}

void RenderPlan::keepOnly(const QList<RenderStage> &stages)
{
    QList<bool> keep(items.size(), false);
    // Inputs come before the items that need them: walk backwards, keeping what a kept item needs.
    for (int i = int(items.size()) - 1; i >= 0; --i) {
        if (stages.contains(items[i].stage))
            keep[i] = true;
        if (keep[i])
            for (int input : items[i].inputs)
                keep[input] = true;
    }
    QList<int> newIndex(items.size(), -1);
    QList<PlanItem> kept;
    for (int i = 0; i < int(items.size()); ++i) {
        if (!keep[i])
            continue;
        newIndex[i] = int(kept.size());
        kept.append(items[i]);
    }
    for (PlanItem &item : kept)
        for (int &input : item.inputs)
            input = newIndex[input];
    items = std::move(kept);
}

} // namespace diy
