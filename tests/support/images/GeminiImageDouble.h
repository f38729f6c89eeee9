#pragma once

#include "ImageApiDouble.h"

#include <QStringList>

namespace diy::test {

/// A strict Gemini API double (docs/providers-api.md §1) on 127.0.0.1:
/// - POST /v1beta/models/{model}:generateContent and GET /v1beta/models/{model};
/// - the key in `x-goog-api-key` (or `?key=`): missing → 403 PERMISSION_DENIED, wrong → 400
///   INVALID_ARGUMENT with ErrorInfo API_KEY_INVALID; unknown model → 404 NOT_FOUND;
/// - the body checked like the real API: unknown fields anywhere → 400 "Invalid JSON payload
///   received. Unknown name …"; contents/parts shapes; inlineData with a valid base64 picture;
///   responseModalities TEXT/IMAGE; imageConfig.aspectRatio and imageSize from the documented sets;
/// - the answer: a PNG whose colour comes from the text parts and whose size from the aspect
///   ratio (a text part as well when TEXT was asked for; text only when IMAGE was not asked for),
///   usageMetadata, modelVersion, responseId; optional Gemini 3 "thought" interim pictures;
/// - faults: 429 RESOURCE_EXHAUSTED with QuotaFailure, Help and (when retryHint is set)
///   RetryInfo.retryDelay; 503 UNAVAILABLE; 500 INTERNAL; safety stops as HTTP 200
///   (finishReason, or promptFeedback.blockReason with reason "PROMPT:<reason>"); malformed
///   bodies; non-pictures; dropped connections; slow answers.
class GeminiImageDouble : public ImageApiDouble {
    Q_OBJECT
public:
    explicit GeminiImageDouble(QObject *parent = nullptr);

    static QStringList models();
    static QSize pictureSize(const QString &aspectRatio);
    /// Adds a Gemini 3 style interim picture part ("thought": true) before the final one.
    void setThoughtPictures(bool on) { m_thoughtPictures = on; }

protected:
    void handle(QTcpSocket *socket, Recorded &request, const std::optional<Fault> &fault) override;
    bool isPictureRequest(const Recorded &request) const override;

private:
    void error(QTcpSocket *socket, Recorded &request, int code, const QString &status, const QString &message,
               const nlohmann::json &details = nlohmann::json::array());
    /// Empty when the body is acceptable; else the INVALID_ARGUMENT message.
    QString validate(const nlohmann::json &body) const;
    void answerFault(QTcpSocket *socket, Recorded &request, const Fault &fault, const QString &model);
    void answerPicture(QTcpSocket *socket, Recorded &request, const QString &model);

    bool m_thoughtPictures = false;
};

} // namespace diy::test
