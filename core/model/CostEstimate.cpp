#include "model/CostEstimate.h"

#include <cmath>
#include <optional>

namespace diy {

namespace {

constexpr int kHistoryRuns = 5;

/// Mean of the stage's measured seconds over the newest runs that measured it.
std::optional<double> measured(const QList<RunRecord> &history, const QString &stage)
{
    double sum = 0.0;
    int n = 0;
    for (auto it = history.crbegin(); it != history.crend() && n < kHistoryRuns; ++it) {
        const auto found = it->stageSeconds.find(stage);
        if (found == it->stageSeconds.end() || found->second <= 0.0)
            continue;
        sum += found->second;
        ++n;
    }
    if (n == 0)
        return std::nullopt;
    return sum / n;
}

CostEstimate::Line tokenLine(const QString &stage, const QString &what, const QString &function, int scenes,
                             const PriceTable &prices)
{
    const PriceTable::TypicalTokens typical = prices.typicalTokens(function);
    CostEstimate::Line line;
    line.stage = stage;
    line.what = what;
    line.inputTokens = typical.input + typical.inputPerScene * scenes;
    line.outputTokens = typical.output + typical.outputPerScene * scenes;
    line.priced = false;
    for (const QString &variant : prices.variantsOf(function)) {
        const auto cost = prices.tokenCost(function, variant, line.inputTokens, line.outputTokens);
        if (!cost)
            continue;
        const double total = *cost * prices.callsForVariant(function, variant);
        if (!line.priced || total > line.costUsd) {
            line.costUsd = total;
            line.model = prices.modelForVariant(function, variant);
            line.priced = true;
        }
    }
    return line;
}

} // namespace

double CostEstimate::costUsd() const
{
    double sum = 0.0;
    for (const Line &l : lines)
        sum += l.costUsd;
    return sum;
}

double CostEstimate::seconds() const
{
    double sum = 0.0;
    for (const Line &l : lines)
        sum += l.seconds;
    return sum;
}

bool CostEstimate::complete() const
{
    for (const Line &l : lines)
        if (!l.priced)
            return false;
    return true;
}

CostEstimate CostEstimate::make(const CostEstimateRequest &request, const PriceTable &prices, const QList<RunRecord> &history)
{
    CostEstimate estimate;
    estimate.pricesAsOf = prices.pricesAsOf();
    auto timed = [&](Line line, double fallbackSeconds) {
        if (const auto m = measured(history, line.stage)) {
            line.seconds = *m;
            line.secondsMeasured = true;
        } else {
            line.seconds = fallbackSeconds;
        }
        estimate.lines.append(line);
    };
    if (request.script)
        timed(tokenLine(QStringLiteral("script"), QStringLiteral("Script"), QStringLiteral("script_generator"), 0, prices),
              prices.defaultSeconds(QStringLiteral("script"), 30));
    if (request.prompts && request.scenes > 0)
        timed(tokenLine(QStringLiteral("prompts"), QStringLiteral("Picture prompts"), QStringLiteral("prompt_enhancer"),
                        request.scenes, prices),
              prices.defaultSeconds(QStringLiteral("prompts"), 20));
    if (request.pictures > 0 && !request.imageModel.isEmpty()) {
        Line line;
        line.stage = QStringLiteral("pictures");
        line.what = QStringLiteral("Pictures");
        line.model = request.imageModel;
        line.pictures = request.pictures;
        const auto each = prices.imageCost(request.imageModel, request.imageQuality);
        line.priced = each.has_value();
        line.costUsd = each.value_or(0.0) * request.pictures;
        const double concurrency = std::max(1.0, prices.defaultSeconds(QStringLiteral("pictureConcurrency"), 1));
        timed(line, std::ceil(request.pictures / concurrency) * prices.defaultSeconds(QStringLiteral("picture"), 15));
    }
    if (request.judge && request.scenes > 0)
        timed(tokenLine(QStringLiteral("quality"), QStringLiteral("AI review"), QStringLiteral("video_evaluator"), request.scenes,
                        prices),
              prices.defaultSeconds(QStringLiteral("quality"), 25));
    return estimate;
}

} // namespace diy
