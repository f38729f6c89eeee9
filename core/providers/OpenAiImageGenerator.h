#pragma once

#include "net/RetryPolicy.h"
#include "providers/ImageGenerator.h"

#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace diy {

class ApiKeyStore;

/// Any OpenAI-compatible /v1/images/generations server (OpenAI, LocalAI…): one request per
/// picture, the key from OPENAI_API_KEY or the keychain (OpenAiImageJob).
class OpenAiImageGenerator : public ImageGenerator {
public:
    struct Options {
        QUrl baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1"));
        QString model = QStringLiteral("gpt-image-1");
        QString quality = QStringLiteral("medium"); ///< GPT-image models: low, medium, high, auto
        int timeoutMs = 180'000;
        RetryPolicy retry = defaultRetry();
        int maxConcurrency = 2;

        /// Defaults, with OPENAI_BASE_URL as the base URL when set (SDK convention, ".../v1").
        static Options fromEnvironment();
        static RetryPolicy defaultRetry();
    };

    static constexpr const char *kId = "openai";
    static constexpr const char *kKeyName = "OPENAI_API_KEY";

    OpenAiImageGenerator(QNetworkAccessManager *network, ApiKeyStore *keys, Options options = Options::fromEnvironment());

    ProviderInfo info() const override;
    QString engineVersion() const override;
    ValueJob<GeneratedImage> *generate(const GeneratedImageSpec &spec, QObject *parent) override;
    /// GET {base}/models: free and authenticated.
    ValueJob<QString> *testAccess(const QString &key, QObject *parent) override;

    const Options &options() const { return m_options; }

private:
    QNetworkAccessManager *m_network;
    QPointer<ApiKeyStore> m_keys;
    Options m_options;
};

} // namespace diy
