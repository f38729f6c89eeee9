#include "pipeline/Stage.h"

#include <QFileInfo>

namespace diy {

bool Stage::isDone(const PlanItem &item) const
{
    const auto present = [](const QString &path) {
        const QFileInfo info(path);
        return info.isFile() && info.size() > 0;
    };
    if (!present(item.outputPath))
        return false;
    for (const QString &extra : item.extraOutputs)
        if (!present(extra))
            return false;
    return true;
}

} // namespace diy
