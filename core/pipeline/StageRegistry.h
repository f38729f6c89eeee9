#pragma once

#include "pipeline/RenderStage.h"

#include <QList>

#include <memory>
#include <vector>

class QThreadPool;

namespace diy {

class AssemblyEngine;
class ImageGenerator;
class PictureProvider;
class Stage;
class VoiceProvider;

/// The providers a run uses, chosen once per run.
struct ProviderSet {
    std::shared_ptr<const PictureProvider> cards;
    std::shared_ptr<const PictureProvider> photos;
    std::shared_ptr<const VoiceProvider> voice;
    std::shared_ptr<const AssemblyEngine> assembly;
    /// Draws the scenes marked Generated when the project's imageProvider is its id; nullptr:
    /// no AI pictures in this run (those scenes show their cards).
    std::shared_ptr<ImageGenerator> images;

    /// The built-in offline providers; frame painting runs in `pool` (nullptr: the background pool).
    static ProviderSet offline(QThreadPool *pool = nullptr);
};

/// The stages of a run, in pipeline order. Planning asks each stage in this order; the scheduler
/// looks stages up by id. Adding a stage is one class plus one line in standard().
class StageRegistry {
public:
    StageRegistry() = default;
    StageRegistry(StageRegistry &&) = default;
    StageRegistry &operator=(StageRegistry &&) = default;
    ~StageRegistry();

    void add(std::unique_ptr<Stage> stage);
    const std::vector<const Stage *> &stages() const { return m_view; }
    const Stage *find(const RenderStage &id) const;

    /// The production stages with these providers.
    static StageRegistry standard(const ProviderSet &providers);
    /// The standard stages with the offline providers: titles, order and weights for views, and
    /// planning without running anything.
    static const StageRegistry &catalog();

private:
    std::vector<std::unique_ptr<Stage>> m_stages;
    std::vector<const Stage *> m_view;
};

} // namespace diy
