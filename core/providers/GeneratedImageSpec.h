#pragma once

#include "model/VideoFormat.h"

#include <QList>
#include <QString>

namespace diy {

class ContentHash;

/// Everything that shapes one AI-generated picture: the plan builds it, an ImageGenerator takes it
/// and nothing else. Its key (with the generator's engine version) names the cached result, so a
/// re-run never pays twice for the same picture.
struct GeneratedImageSpec {
    struct Reference {
        QString path;     ///< absolute path of a reference picture (e.g. the first accepted scene)
        QString sha256;   ///< its content hash (part of the key)
        QString mimeType; ///< "image/png", "image/jpeg"…
    };

    QString provider;   ///< ImageGenerator id: "gemini", "openai"
    QString model;      ///< provider model id ("gemini-2.5-flash-image", "gpt-image-1"…)
    QString prompt;     ///< the scene's prompt (as enhanced and edited)
    QString style;      ///< the shared style, included in every prompt
    VideoFormat format; ///< aspect ratio and size are mapped from it
    QList<Reference> references;
    QString outputDir;  ///< where the picture is stored under its content hash (assets/images)
    QString sceneLabel; ///< for messages: "Step 2"; not part of the key

    /// Adds every output-shaping field (not outputDir or sceneLabel) to `hash`.
    void addTo(ContentHash &hash) const;
    /// The cache key of the picture this spec makes with an engine of `engineVersion` (hex SHA-256).
    QString key(const QString &engineVersion) const;
};

/// A picture an ImageGenerator made and stored.
struct GeneratedImage {
    QString path; ///< absolute path: <outputDir>/<sha256>.<ext>
    QString sha256;
    QString mimeType;
    QString provider;
    QString model;
    double costUsd = 0.0; ///< from the price table (list price per picture), 0 when unknown
    qint64 milliseconds = 0;
    QString revisedPrompt; ///< when the provider rewrote the prompt (OpenAI), else empty
    QString key;           ///< the spec's cache key (spec + engine version): names its receipt
    bool reused = false;   ///< found through the receipt of an earlier run: no request was made, nothing paid now
};

} // namespace diy
