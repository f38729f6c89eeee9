#pragma once

#include "model/PriceTable.h"
#include "model/Project.h"

#include <QList>
#include <QString>

namespace diy {

/// What a run is about to spend, shown before anything paid starts (studio and `make`).
struct CostEstimateRequest {
    int scenes = 0;       ///< scenes of the video (intro, materials, steps, completion)
    bool script = true;   ///< script_generator runs
    bool prompts = true;  ///< prompt_enhancer runs (one call for all scenes)
    int pictures = 0;     ///< pictures to generate (locked pictures, cards and photos excluded)
    QString imageModel;   ///< priced image model ("gemini-2.5-flash-image", "gpt-image-1"); empty: none
    QString imageQuality; ///< optional per-quality price ("low", "medium", "high")
    bool judge = false;   ///< video_evaluator runs at the end
};

/// Tokens and pictures times the price table; time from the project's measured run history
/// (RunRecord::stageSeconds, the mean of the last five runs that measured the stage) when present,
/// else the table's default stage times. Token costs use the dearest variant of each function
/// (the gateway samples the variant, so the estimate is an upper bound over the A/B arms).
struct CostEstimate {
    struct Line {
        QString stage; ///< script | prompts | pictures | quality
        QString what;  ///< for the creator
        QString model; ///< the priced model (dearest variant's) or image model
        qint64 inputTokens = 0;
        qint64 outputTokens = 0;
        int pictures = 0;
        double costUsd = 0.0;
        bool priced = true; ///< false: the table has no price for this model (cost counted as 0)
        double seconds = 0.0;
        bool secondsMeasured = false; ///< true: from the project's history, false: a default
        bool operator==(const Line &) const = default;
    };

    QList<Line> lines;
    QString pricesAsOf;

    double costUsd() const;
    /// Stages run one after the other, so the time is the sum of the stages' times.
    double seconds() const;
    bool complete() const; ///< every line had a price

    static CostEstimate make(const CostEstimateRequest &request, const PriceTable &prices, const QList<RunRecord> &history = {});
};

} // namespace diy
