#include "providers/FrameSpec.h"

#include "util/ContentHash.h"

namespace diy {

void FrameSpec::addTo(ContentHash &hash) const
{
    hash.add("frame", provider).add(qint64(size.width())).add(qint64(size.height()));
    if (source == Source::Card) {
        hash.add("card", QString::number(int(card.kind)))
            .add(card.title)
            .add(card.body)
            .add(qint64(card.stepNumber))
            .add(qint64(card.stepCount))
            .add(card.badge);
        hash.add(qint64(card.checklist.size()));
        for (const QString &item : card.checklist)
            hash.add(item);
    } else {
        hash.add("picture", pictureSha).add(qint64(overlay.stepNumber)).add(qint64(overlay.stepCount)).add(overlay.title);
        hash.add(qint64(overlay.checklist.size()));
        for (const QString &item : overlay.checklist)
            hash.add(item);
    }
}

} // namespace diy
