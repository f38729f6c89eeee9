#pragma once

#include "media/QualityReport.h"
#include "util/Result.h"

#include <nlohmann/json_fwd.hpp>

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace diy {

/// The technical report of a finished video, typed: what the pipeline writes to
/// renders/<name>.checks.json and what the studio and the CLI show. The JSON (toJson/fromJson)
/// is the file format: the merged measurements (probe, loudness, silences, black frames,
/// findings), a per-scene table, the brief's target, the final file's streams ("video") and the
/// error/warning counts.
struct TechnicalReport {
    struct Scene {
        QString label;
        qint64 offsetMs = 0; ///< where the scene starts in the final video
        qint64 durationMs = 0;
        std::optional<double> integratedLufs; ///< empty: not measured, or silent
        QList<QualityFinding> findings;
        bool operator==(const Scene &) const = default;
    };

    QualityReport merged; ///< the final video: its probe, merged loudness and ranges, all findings
    QList<Scene> scenes;
    double targetDurationSeconds = 0;

    const QList<QualityFinding> &findings() const { return merged.findings; }
    int errors() const { return merged.count(QualityFinding::Severity::Error); }
    int warnings() const { return merged.count(QualityFinding::Severity::Warning); }
    qint64 durationMs() const { return merged.probe.durationMs; }
    /// Scene starts and names, for the player's markers.
    QList<qint64> sceneStarts() const;
    QStringList sceneLabels() const;

    nlohmann::json toJson() const;
    /// Reads a report; a document of the wrong shape is an error naming the first bad field.
    static Result<TechnicalReport> fromJson(const nlohmann::json &json);
    /// Reads <path> (at most 4 MiB).
    static Result<TechnicalReport> read(const QString &path);
};

} // namespace diy
