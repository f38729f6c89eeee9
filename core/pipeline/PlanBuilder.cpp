#include "pipeline/PlanBuilder.h"

#include "pipeline/SceneDesign.h"
#include "pipeline/Stage.h"
#include "store/ProjectStore.h"
#include "util/ContentHash.h"

#include <QDir>

namespace diy {

namespace {
constexpr int kPlanVersion = 2; // bump when the key recipe changes
}

PlanBuilder::PlanBuilder(const Project &project, QString projectDir, QSize frameSize)
    : m_project(project), m_projectDir(std::move(projectDir)), m_frameSize(frameSize)
{
    m_project.syncSceneImages();
    m_scenes = m_project.scenes();
    m_style = SceneDesign::captionStyle(m_project.brief);
}

QString PlanBuilder::keyOf(const RenderStage &stage, const ItemSpec &spec)
{
    ContentHash hash;
    hash.add("stage", stage.id).add(qint64(kPlanVersion)).add(spec.engineVersion);
    spec.addTo(hash);
    return hash.shortHex();
}

QString PlanBuilder::cacheFile(const QString &folder, const QString &key, const QString &suffix) const
{
    return QDir(ProjectStore::cacheDir(m_projectDir)).absoluteFilePath(folder + QLatin1Char('/') + key + suffix);
}

QString PlanBuilder::projectFile(const QString &relative) const
{
    return QDir(m_projectDir).absoluteFilePath(relative);
}

int PlanBuilder::add(const Stage &stage, PlanItem item)
{
    item.stage = stage.id();
    item.done = stage.isDone(item);
    m_items.append(std::move(item));
    return int(m_items.size()) - 1;
}

int PlanBuilder::indexOf(const RenderStage &stage, int scene) const
{
    for (int i = 0; i < int(m_items.size()); ++i)
        if (m_items[i].stage == stage && m_items[i].scene == scene)
            return i;
    return -1;
}

const PlanItem *PlanBuilder::find(const RenderStage &stage, int scene) const
{
    const int i = indexOf(stage, scene);
    return i < 0 ? nullptr : &m_items[i];
}

} // namespace diy
