#pragma once

#include <QString>

namespace diy {

class ContentHash;

/// The complete description of one plan item's output: every input that shapes it, and nothing
/// that does not (output paths, labels). The plan builds it once; the stage's executor receives it
/// and nothing else. Its hash plus the engine's version is the item's cache key.
struct ItemSpec {
    virtual ~ItemSpec() = default;
    /// Adds every output-shaping field to `hash`.
    virtual void addTo(ContentHash &hash) const = 0;
    /// Version of the provider or engine that makes the output (part of the key).
    QString engineVersion;
};

} // namespace diy
