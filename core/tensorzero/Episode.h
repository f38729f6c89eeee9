#pragma once

#include <QString>

#include <memory>

namespace diy {

/// The TensorZero episode of one run (one video). A shared handle: copies refer to the same run.
///
/// The first inference of a run is sent without an episode id; the gateway creates the episode
/// and every later inference and episode-level feedback of the run reuses the id it returned
/// (docs/tensorzero-api.md, "Episodes"). A resumed project restores the stored id with adopt().
/// The first call of a run should finish before the next one starts; calls that overlap it would
/// each open an episode of their own.
class Episode {
public:
    Episode();
    explicit Episode(const QString &projectId, const QString &existingEpisodeId = {});

    QString id() const;
    bool hasId() const;
    QString projectId() const;
    /// Records the id the gateway returned (no-op when one is already set).
    void adopt(const QString &episodeId) const;

private:
    struct State {
        QString projectId;
        QString episodeId;
    };
    std::shared_ptr<State> m_state;
};

} // namespace diy
