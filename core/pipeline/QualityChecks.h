#pragma once

#include "media/ProbeInfo.h"
#include "media/TechnicalReport.h"
#include "model/Brief.h"

#include <nlohmann/json.hpp>

#include <QList>
#include <QStringList>

namespace diy {

/// Builds the project's technical report from the cached per-segment reports and a probe of the
/// final file: the merged measurements (loudness, silences, black frames with times in the final
/// video), the final file's streams, a per-scene table, and findings including the brief's target.
class QualityChecks {
public:
    static TechnicalReport build(const QList<nlohmann::json> &segmentReports, const QStringList &sceneLabels,
                                 const QList<qint64> &sceneDurationsMs, const ProbeInfo &finalProbe, const Brief &brief);
    /// build(…).toJson(): the report as written to renders/<name>.checks.json.
    static nlohmann::json aggregate(const QList<nlohmann::json> &segmentReports, const QStringList &sceneLabels,
                                    const QList<qint64> &sceneDurationsMs, const ProbeInfo &finalProbe, const Brief &brief);
};

} // namespace diy
