#pragma once

#include "pipeline/ItemSpec.h"
#include "pipeline/RenderStage.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace diy {

/// One unit of work of a plan: which stage makes it for which scene, from which spec, under which
/// cache key, into which files, after which other items.
struct PlanItem {
    /// Where an item runs: local encodes, light local work, or a remote provider's own limit.
    enum class Lane { Encode, Light, Remote };

    RenderStage stage;
    int scene = -1;           ///< scene index; -1: the whole video
    QString label;            ///< "Step 2", "Final video"
    QString key;              ///< hash of the spec and the engine version
    QString outputPath;       ///< the item's main output; it exists ⇔ the item is done
    QStringList extraOutputs; ///< further files the item writes (all must exist)
    QList<int> inputs;        ///< indices (in the plan) of the items it needs
    Lane lane = Lane::Light;
    QString provider;       ///< Remote lane: the provider whose concurrency limit applies
    int maxConcurrency = 0; ///< Remote lane: items of this provider at once (0: no limit)
    int priority = 0;       ///< light items: lower first (0 feeds the encoder)
    double weight = 1.0;    ///< share of its stage's work
    std::shared_ptr<const ItemSpec> spec;
    bool done = false; ///< a finished output exists already

    template <typename T>
    const T *specAs() const
    {
        return dynamic_cast<const T *>(spec.get());
    }
};

} // namespace diy
