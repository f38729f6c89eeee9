#include "tensorzero/Episode.h"

namespace diy {

Episode::Episode() : m_state(std::make_shared<State>()) {}

Episode::Episode(const QString &projectId, const QString &existingEpisodeId) : m_state(std::make_shared<State>())
{
    m_state->projectId = projectId;
    m_state->episodeId = existingEpisodeId;
}

QString Episode::id() const
{
    return m_state->episodeId;
}
bool Episode::hasId() const
{
    return !m_state->episodeId.isEmpty();
}
QString Episode::projectId() const
{
    return m_state->projectId;
}

void Episode::adopt(const QString &episodeId) const
{
    if (m_state->episodeId.isEmpty())
        m_state->episodeId = episodeId;
}

} // namespace diy
