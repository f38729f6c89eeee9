#pragma once

#include "ai/AiFunctions.h"
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

/// What ScriptWriter produced: the validated script and the record of the inference that wrote
/// it (id, variant, tokens, cost and its source, latency) — store it as Project::scriptOrigin.
struct ScriptDraft {
    Script script;
    InferenceRecord origin;
    QString episodeId; ///< the run's episode (keep it in Project::episodeId)
    bool usedFallback = false;
    QString firstFailure; ///< why the first attempt was not used, when the fallback wrote it
};

/// Writes a script from a brief with the TensorZero function `script_generator` (template
/// arguments only). The answer is validated again against templates/script_output_schema.json
/// (and step numbering). `parsed: null`, an answer that fails validation, a timeout, 408 and 502
/// get ONE retry pinned to the fallback variant (AiFunctions::scriptFallbackVariant(), the
/// config's `fallback_variants`); other failures end at once with a message saying what to do.
/// Every answered attempt is in spent() — paid even when its output was unusable.
///
///   auto *writer = new ScriptWriter(client, brief, Episode(project.id, project.episodeId), {}, this);
///   connect(writer, &Job::finished, this, [writer](const Status &) { auto draft = writer->result(); … });
///   writer->start();
class ScriptWriter : public ValueJob<ScriptDraft> {
    Q_OBJECT
public:
    struct Options {
        QString fallbackVariant = AiFunctions::scriptFallbackVariant();
        QString pinnedVariant;         ///< pin the first attempt too (Settings); empty: the gateway samples
        int firstAttemptTimeoutMs = 0; ///< 0: the client's inference timeout
        PriceTable prices = PriceTable::bundled();
    };

    ScriptWriter(TensorZeroClient *client, Brief brief, Episode episode, Options options, QObject *parent = nullptr);
    ~ScriptWriter() override;

    /// The `script_generator` template arguments for a brief (exposed for tests and gateway-check).
    static nlohmann::json userArguments(const Brief &brief);
    /// Every answered attempt, in order (for the ledger), whatever the outcome.
    QList<InferenceRecord> spent() const { return m_spent; }

protected:
    void run() override;
    void abort() override;

private:
    void attempt(bool fallback);
    void onAnswer(const InferenceJob &job, bool fallback);
    void retryOrFail(const QString &why, const Error &error, bool fallback);

    QPointer<TensorZeroClient> m_client;
    Brief m_brief;
    Episode m_episode;
    Options m_options;
    QPointer<InferenceJob> m_job;
    QElapsedTimer m_attemptClock;
    QList<InferenceRecord> m_spent;
    QString m_firstFailure;
    QString m_firstVariant;
};

} // namespace diy
