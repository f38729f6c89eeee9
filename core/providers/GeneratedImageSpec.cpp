#include "providers/GeneratedImageSpec.h"

#include "util/ContentHash.h"

namespace diy {

void GeneratedImageSpec::addTo(ContentHash &hash) const
{
    hash.add("generated-image", provider).add(model).add(prompt).add(style).add(format.id());
    hash.add(qint64(references.size()));
    for (const Reference &r : references)
        hash.add(r.sha256).add(r.mimeType);
}

QString GeneratedImageSpec::key(const QString &engineVersion) const
{
    ContentHash hash;
    addTo(hash);
    hash.add("engine", engineVersion);
    return hash.hex();
}

} // namespace diy
