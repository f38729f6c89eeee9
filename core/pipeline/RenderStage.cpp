#include "pipeline/RenderStage.h"

#include "pipeline/Stage.h"
#include "pipeline/StageRegistry.h"

namespace diy {

bool RenderStage::operator<(const RenderStage &other) const
{
    const int a = renderStageIndex(*this);
    const int b = renderStageIndex(other);
    if (a != b)
        return (a < 0 ? INT_MAX : a) < (b < 0 ? INT_MAX : b);
    return id < other.id;
}

QList<RenderStage> allRenderStages()
{
    QList<RenderStage> stages;
    for (const Stage *stage : StageRegistry::catalog().stages())
        stages.append(stage->id());
    return stages;
}

int renderStageIndex(const RenderStage &stage)
{
    const auto &stages = StageRegistry::catalog().stages();
    for (int i = 0; i < int(stages.size()); ++i)
        if (stages[i]->id() == stage)
            return i;
    return -1;
}

QString renderStageId(const RenderStage &stage)
{
    return stage.id;
}

QString renderStageTitle(const RenderStage &stage)
{
    if (const Stage *s = StageRegistry::catalog().find(stage))
        return s->title();
    return stage.id;
}

} // namespace diy
