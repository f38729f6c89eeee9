#pragma once

#include "providers/ImageGenerationJob.h"

#include <nlohmann/json.hpp>

namespace diy {

/// One picture from an OpenAI-compatible server: POST {base}/images/generations with a Bearer key
/// (docs/providers-api.md §2). The size is mapped from the video format and the model family;
/// b64_json is asked for where the API takes response_format (dall-e and unknown local models;
/// GPT-image models always answer b64_json and reject the field). The shared style is appended to
/// the prompt; reference pictures are not sent (this endpoint takes none). A 429 waits as long as
/// Retry-After asks; content_policy_violation / moderation_blocked finish with Error::Kind::Blocked.
class OpenAiImageJob : public ImageGenerationJob {
    Q_OBJECT
public:
    struct Settings {
        QUrl baseUrl;                               ///< OpenAI SDK convention: "https://api.openai.com/v1"
        QString quality = QStringLiteral("medium"); ///< for GPT-image models
        int timeoutMs = 180'000;
        RetryPolicy retry;
    };

    OpenAiImageJob(QNetworkAccessManager *network, ApiKeyStore *keys, ProviderInfo info, GeneratedImageSpec spec,
                   const QString &engineVersion, Settings settings, QObject *parent);

    /// {base}/<path>; a base without a path gets "/v1" ("http://localhost:8080" works like ".../v1").
    static QUrl endpoint(const QUrl &baseUrl, const QString &path);
    static bool isGptImage(const QString &model);
    /// "1024x1536" etc.: the closest size the model family accepts for the format.
    static QString sizeFor(const QString &model, const VideoFormat &format);
    static nlohmann::json requestBody(const GeneratedImageSpec &spec, const QString &quality);
    /// An error answer ({"error":{message,type,param,code}}) as an Error.
    static Error errorFromAnswer(const HttpResponse &answer, const QString &providerName, const QString &model,
                                 const QString &keyName);

protected:
    HttpRequest buildRequest(const ApiKey &key, const QList<Reference> &references) const override;
    Result<Answer> interpret(const HttpResponse &response) const override;
    QString priceSize() const override { return sizeFor(spec().model, spec().format); }
    QString priceQuality() const override { return isGptImage(spec().model) ? m_settings.quality : QString(); }

private:
    Settings m_settings;
};

} // namespace diy
