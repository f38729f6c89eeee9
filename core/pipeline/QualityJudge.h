#pragma once

#include "model/InferenceRecord.h"
#include "model/Project.h"
#include "tensorzero/InferenceRequest.h"
#include "tensorzero/InferenceResponse.h"
#include "util/Job.h"
#include "util/Result.h"

#include <nlohmann/json.hpp>

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace diy {

class InferenceJob;
class TensorZeroClient;

/// What the AI judge said about a finished video.
struct QualityEvaluation {
    double score = 0.0; ///< 1–10
    QString rating;     ///< EXCELLENT / GOOD / FAIR / POOR (from the score)
    QString feedback;
    nlohmann::json judgement; ///< the function's whole output (criteria, scenes_to_redo…)
    InferenceRecord record;   ///< which inference and variant produced it, tokens, cost
    QString episodeId;

    /// The entry stored in Project::evaluations.
    nlohmann::json toProjectJson() const;
};

/// The quality stage's judge: sends the brief, the script, the technical report and one keyframe
/// per scene to the TensorZero function `video_evaluator` (template arguments and image blocks
/// only; the prompt is the gateway's template) and returns the evaluation. Uses the project's
/// episode when it has one, otherwise the run's first inference opens it. A job (the Job
/// contract): start(), cancel(), progress, exactly one finished(Status), result() is the
/// evaluation. Keyframes are scaled and encoded in the thread pool; a cancel while they are being
/// encoded finishes the job once that task is done, and nothing is sent.
class QualityJudge : public ValueJob<QualityEvaluation> {
    Q_OBJECT
public:
    QualityJudge(Project project, QString projectDir, TensorZeroClient *client, QObject *parent = nullptr);
    ~QualityJudge() override;

    /// ≥9 EXCELLENT, ≥7 GOOD, ≥5 FAIR, else POOR.
    static QString ratingFor(double score);
    /// The template arguments for `video_evaluator` (exposed for tests).
    static nlohmann::json userArguments(const Project &project, const nlohmann::json &technicalReport, int keyframes);
    /// One keyframe per scene: the scene's rendered frame, at most 512 px on its long side, JPEG.
    static QList<ImageInput> keyframes(const QStringList &framePaths);

protected:
    void run() override;
    void abort() override;

private:
    void send(const QList<ImageInput> &images);
    void onAnswer(const Result<InferenceResponse> &answer);

    Project m_project;
    QString m_projectDir;
    QPointer<TensorZeroClient> m_client;
    QPointer<InferenceJob> m_job;
    bool m_readingKeyframes = false; ///< the pool task runs; a cancel waits for it
};

} // namespace diy
