#pragma once

#include "model/Brief.h"
#include "model/InferenceRecord.h"
#include "model/PriceTable.h"
#include "model/Script.h"
#include "tensorzero/Episode.h"
#include "tensorzero/InferenceResponse.h"
#include "util/Job.h"

#include <QElapsedTimer>
#include <QPointer>

namespace diy {

class InferenceJob;
class TensorZeroClient;

/// Which scene to rewrite and how. `sceneKey` is Scene::key: "intro", "step-N" or "completion"
/// (the materials scene is a checklist made from the materials list: edit the list instead).
struct SceneRewriteRequest {
    Brief brief;   ///< description, audience and language
    Script script; ///< the whole script, for context
    QString sceneKey;
    QString instruction; ///< "simpler words", "shorter", or the creator's own words
};

/// The rewritten scene and the script with it applied (validated against the script schema).
struct SceneRewrite {
    QString sceneKey;
    QString title; ///< intro: the video's title; step: the step's title; completion: unused
    QString narration;
    QString imagePrompt;
    Script script; ///< the request's script with this scene replaced
    InferenceRecord record;
};

/// Rewrites one scene with the TensorZero function `scene_rewriter` (template arguments only) and
/// applies the answer to the script. A job: start(), cancel(), one finished(); result() once done.
class SceneRewriter : public ValueJob<SceneRewrite> {
    Q_OBJECT
public:
    SceneRewriter(TensorZeroClient *client, SceneRewriteRequest request, Episode episode,
                  PriceTable prices = PriceTable::bundled(), QObject *parent = nullptr);
    ~SceneRewriter() override;

    /// The template arguments, or why the request cannot be sent (unknown scene, empty instruction…).
    static Result<nlohmann::json> userArguments(const SceneRewriteRequest &request);
    /// `script` with the scene replaced; the result is validated against the script schema.
    static Result<Script> apply(const Script &script, const QString &sceneKey, const QString &title, const QString &narration,
                                const QString &imagePrompt);

protected:
    void run() override;
    void abort() override;

private:
    void onAnswer(const Result<InferenceResponse> &answer);

    QPointer<TensorZeroClient> m_client;
    SceneRewriteRequest m_request;
    Episode m_episode;
    PriceTable m_prices;
    QPointer<InferenceJob> m_job;
    QElapsedTimer m_clock;
};

} // namespace diy
