#pragma once

#include "net/RetryPolicy.h"
#include "providers/ImageGenerator.h"

#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace diy {

class ApiKeyStore;

/// Google Gemini image generation ("Nano Banana"): one generateContent call per picture, the key
/// from GEMINI_API_KEY or the keychain, reference pictures for a consistent look (GeminiImageJob).
class GeminiImageGenerator : public ImageGenerator {
public:
    struct Options {
        QUrl baseUrl = QUrl(QStringLiteral("https://generativelanguage.googleapis.com"));
        QString model = QStringLiteral("gemini-2.5-flash-image");
        QString imageSize;       ///< "1K", "2K", "4K"; empty: not sent (the model's default)
        int timeoutMs = 180'000; ///< per attempt
        RetryPolicy retry = defaultRetry();
        int maxConcurrency = 3;

        /// Defaults, with DIY_GEMINI_URL as the base URL when set (local servers, tests).
        static Options fromEnvironment();
        static RetryPolicy defaultRetry();
    };

    static constexpr const char *kId = "gemini";
    static constexpr const char *kKeyName = "GEMINI_API_KEY";

    GeminiImageGenerator(QNetworkAccessManager *network, ApiKeyStore *keys, Options options = Options::fromEnvironment());

    ProviderInfo info() const override;
    QString engineVersion() const override;
    ValueJob<GeneratedImage> *generate(const GeneratedImageSpec &spec, QObject *parent) override;
    /// GET {base}/v1beta/models/{model}: free, authenticated, proves the model is reachable.
    ValueJob<QString> *testAccess(const QString &key, QObject *parent) override;

    const Options &options() const { return m_options; }

private:
    QNetworkAccessManager *m_network;
    QPointer<ApiKeyStore> m_keys;
    Options m_options;
};

} // namespace diy
