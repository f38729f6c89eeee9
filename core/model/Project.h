#pragma once

#include "model/Brief.h"
#include "model/FieldProblem.h"
#include "model/InferenceRecord.h"
#include "model/Scene.h"
#include "model/Script.h"

#include <nlohmann/json.hpp>

#include <QDateTime>
#include <QList>
#include <QString>

#include <map>
#include <optional>

namespace diy {

/// Which picture a scene shows. Aligned by index with Project::scenes().
struct SceneImage {
    enum class Source { Card, File, Generated };
    Source source = Source::Card; ///< Card: rendered from the scene by the built-in card renderer
    QString file;                 ///< File/Generated: path relative to the project folder (assets/images/…);
                                  ///< Generated with no file: to be drawn by the project's image provider
    QString sha256;               ///< content hash of `file`
    QString originalName;         ///< File: the name the creator picked, for display
    bool locked = false;          ///< locked images are never regenerated
    /// Generated: the picture prompt as enhanced (prompt_enhancer) and edited; empty: the script's
    /// image prompt for the scene.
    QString prompt;
    QString generationKey; ///< Generated: the key of the spec that drew `file` (names its receipt)
    QString provider;      ///< Generated: "gemini", "openai"
    QString model;         ///< Generated: the provider's model
    bool operator==(const SceneImage &) const = default;

    /// A Generated picture that is still to be drawn.
    bool isPendingGeneration() const { return source == Source::Generated && file.isEmpty(); }

    static QString sourceId(Source source);
};

/// One pipeline run, for the history and the cost/time metrics.
struct RunRecord {
    QString kind = QStringLiteral("render");
    QString outcome; ///< done | failed | cancelled | running
    QDateTime startedAt;
    QDateTime finishedAt;
    double seconds = 0.0;
    double costUsd = 0.0;
    std::map<QString, double> stageSeconds;
    int itemsReused = 0;
    int itemsMade = 0;
    QString message;
    bool operator==(const RunRecord &) const = default;
};

/// The creator's rating of one rendered video (the render whose inputsHash is renderHash).
struct FeedbackState {
    QString renderHash; ///< RenderRecord::inputsHash of the video it is about
    QString vote;       ///< "up", "down" or empty
    QString comment;
    QStringList outboxIds; ///< feedback items queued for the gateway
    QDateTime updatedAt;
    bool isEmpty() const { return vote.isEmpty() && comment.isEmpty(); }
    bool operator==(const FeedbackState &) const = default;
};

/// The last finished render.
struct RenderRecord {
    QString output;     ///< relative to the project folder
    QString inputsHash; ///< hash over every segment key: equal means the video is up to date
    qint64 durationMs = 0;
    QString reportFile; ///< technical checks (JSON), relative
    QDateTime finishedAt;
    bool operator==(const RenderRecord &) const = default;
};

/// A project: everything on disk in project.json (the assets live beside it).
struct Project {
    static constexpr int kSchemaVersion = 1;

    QString id;
    QString name;
    QDateTime createdAt;
    QDateTime modifiedAt;
    Brief brief;
    std::optional<Script> script;
    /// Which inference wrote the script (id, variant, tokens, cost, latency); empty when the
    /// creator wrote or imported it. Cleared by nobody: edits keep the record of where it began.
    std::optional<InferenceRecord> scriptOrigin;
    QList<SceneImage> sceneImages;
    /// Who draws the scenes marked Generated: "gemini" or "openai"; "cards" (the default) means no
    /// AI pictures (Generated scenes without a picture show their card).
    QString imageProvider = QStringLiteral("cards");
    QString imageStyle; ///< the one style every generated picture shares (prompt_enhancer, editable)
    /// Which inference wrote the scenes' picture prompts and the style; empty: none has yet.
    std::optional<InferenceRecord> promptsOrigin;
    QString episodeId;
    QList<InferenceRecord> inferences;
    nlohmann::json evaluations = nlohmann::json::array();
    FeedbackState feedback;               ///< about lastRender
    QList<FeedbackState> feedbackHistory; ///< about earlier renders, oldest first
    QList<RunRecord> runs;
    std::optional<RenderRecord> lastRender;

    static Project create(const QString &name, const Brief &brief);

    QList<Scene> scenes() const;
    /// Why this project cannot be rendered yet, one plain-words problem per field (JSON path from
    /// the project root: "/brief/voice", "/script/steps/1/narration"): no script, a brief or a
    /// script that breaks the schema, placeholder text left in the script. Empty means it can
    /// render. The studio, the CLI and the pipeline all ask this one function.
    FieldProblems renderBlockers() const;
    /// Makes sceneImages as long as scenes() (new scenes get cards; extra entries dropped).
    void syncSceneImages();

    // Script edits that keep each scene's picture with its scene.
    void moveStep(int from, int to);
    void removeStep(int index);
    void insertStep(int index, const Script::Step &step);
    /// Image review: moves one scene's picture to another scene's position (the others shift).
    void moveSceneImage(int from, int to);
    /// Image review: two scenes trade pictures (a card stays a card: it is drawn from the scene
    /// it lands on).
    void swapSceneImages(int a, int b);

    /// Records a finished render. A video with other inputs starts with a clean rating: the rating
    /// of the previous video moves to feedbackHistory. AI reviews carry the hash themselves.
    void recordRender(const RenderRecord &render);
    /// The newest AI judge entry of `evaluations` made on the last render, or null.
    const nlohmann::json *currentJudgement() const;

    nlohmann::json toJson() const;
    /// Reads every field it can, reporting each problem with its JSON path. A document whose
    /// schemaVersion is newer than kSchemaVersion is reported and nothing else is read.
    static Project fromJson(const nlohmann::json &json, FieldProblems *problems);

    bool operator==(const Project &) const = default;
};

} // namespace diy
