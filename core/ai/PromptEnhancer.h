#pragma once

#include "model/Brief.h"
#include "model/InferenceRecord.h"
#include "model/PriceTable.h"
#include "model/Scene.h"
#include "tensorzero/Episode.h"
#include "tensorzero/InferenceResponse.h"
#include "util/Job.h"

#include <QElapsedTimer>
#include <QPointer>

namespace diy {

class InferenceJob;
class TensorZeroClient;

/// One enhanced picture prompt per scene (by Scene::key, in scene order) plus the one style every
/// picture shares. Image providers send `style` with every prompt.
struct ScenePrompts {
    struct Entry {
        QString sceneKey;
        QString prompt;
        bool operator==(const Entry &) const = default;
    };
    QString style;
    QList<Entry> scenes;
    InferenceRecord record;

    QString promptFor(const QString &sceneKey) const;
};

/// ONE `prompt_enhancer` call for all scenes of a video (template arguments only): returns every
/// scene's prompt and the shared style. The answer must name every scene once, in order; anything
/// else is refused with a message. `style` is what the creator asked for (may be empty).
class PromptEnhancer : public ValueJob<ScenePrompts> {
    Q_OBJECT
public:
    PromptEnhancer(TensorZeroClient *client, Brief brief, QList<Scene> scenes, QString style, Episode episode,
                   PriceTable prices = PriceTable::bundled(), QObject *parent = nullptr);
    ~PromptEnhancer() override;

    static nlohmann::json userArguments(const Brief &brief, const QList<Scene> &scenes, const QString &style);
    /// Reads the function's output for these scenes (ids and order checked).
    static Result<ScenePrompts> fromOutput(const nlohmann::json &parsed, const QList<Scene> &scenes);

protected:
    void run() override;
    void abort() override;

private:
    void onAnswer(const Result<InferenceResponse> &answer);

    QPointer<TensorZeroClient> m_client;
    Brief m_brief;
    QList<Scene> m_scenes;
    QString m_style;
    Episode m_episode;
    PriceTable m_prices;
    QPointer<InferenceJob> m_job;
    QElapsedTimer m_clock;
};

} // namespace diy
