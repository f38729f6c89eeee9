#pragma once

#include "media/CaptionStyle.h"
#include "model/Project.h"
#include "pipeline/PlanItem.h"

#include <QList>
#include <QSize>
#include <QString>

namespace diy {

class Stage;

/// What a stage sees while planning: the project (scene images aligned with the scenes), the
/// frame size and caption style of this render, the cache folders, and the items planned so far.
class PlanBuilder {
public:
    PlanBuilder(const Project &project, QString projectDir, QSize frameSize);

    const Project &project() const { return m_project; }
    const QString &projectDir() const { return m_projectDir; }
    const QList<Scene> &scenes() const { return m_scenes; }
    QSize frameSize() const { return m_frameSize; }
    int fps() const { return 30; }
    const CaptionStyle &captionStyle() const { return m_style; }

    /// The cache key of a spec made by `stage`: the stage id, the plan recipe's version, the
    /// spec's engine version and every output-shaping field of the spec.
    static QString keyOf(const RenderStage &stage, const ItemSpec &spec);
    /// <project>/assets/cache/<folder>/<key><suffix>
    QString cacheFile(const QString &folder, const QString &key, const QString &suffix) const;
    /// An absolute path inside the project for a project-relative one.
    QString projectFile(const QString &relative) const;

    /// Adds an item (its key already set); `done` is asked of the stage. Returns its index.
    int add(const Stage &stage, PlanItem item);
    /// Index of the item of `stage` for `scene` (-1 for the whole video), or -1.
    int indexOf(const RenderStage &stage, int scene) const;
    const PlanItem *find(const RenderStage &stage, int scene) const;

    QList<PlanItem> takeItems() { return std::move(m_items); }
    const QList<PlanItem> &items() const { return m_items; }

private:
    Project m_project;
    QString m_projectDir;
    QSize m_frameSize;
    QList<Scene> m_scenes;
    CaptionStyle m_style;
    QList<PlanItem> m_items;
};

} // namespace diy
