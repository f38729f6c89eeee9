#pragma once

#include "providers/ImageGenerationJob.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace diy {

/// One Gemini picture: POST {base}/v1beta/models/{model}:generateContent with the x-goog-api-key
/// header, response modality IMAGE, the aspect ratio of the video format, the prompt and the
/// shared style as text parts and the reference pictures as inlineData parts
/// (docs/providers-api.md §1). 429 waits as long as the body's RetryInfo.retryDelay asks; safety
/// stops (finishReason, promptFeedback.blockReason) finish with Error::Kind::Blocked.
class GeminiImageJob : public ImageGenerationJob {
    Q_OBJECT
public:
    struct Settings {
        QUrl baseUrl;
        QString imageSize; ///< "1K", "2K", "4K"; empty: the model's default (not sent)
        int timeoutMs = 180'000;
        RetryPolicy retry;
    };

    GeminiImageJob(QNetworkAccessManager *network, ApiKeyStore *keys, ProviderInfo info, GeneratedImageSpec spec,
                   const QString &engineVersion, Settings settings, QObject *parent);

    /// The generateContent URL for `model`.
    static QUrl endpoint(const QUrl &baseUrl, const QString &model);
    /// The JSON body (exposed for tests).
    static nlohmann::json requestBody(const GeneratedImageSpec &spec, const QList<Reference> &references, const QString &imageSize);
    /// The wait asked for by a 429's google.rpc.RetryInfo ("17s", "0.5s"), if any.
    static std::optional<qint64> retryDelayFromBody(const HttpResponse &answer);
    /// A protobuf JSON duration ("17s", "1.500s") in milliseconds.
    static std::optional<qint64> parseDuration(const QString &text);
    /// An error answer ({"error":{code,message,status,details}}) as an Error for `providerName`.
    static Error errorFromAnswer(const HttpResponse &answer, const QString &providerName, const QString &model,
                                 const QString &keyName);

protected:
    HttpRequest buildRequest(const ApiKey &key, const QList<Reference> &references) const override;
    Result<Answer> interpret(const HttpResponse &response) const override;

private:
    Settings m_settings;
};

} // namespace diy
