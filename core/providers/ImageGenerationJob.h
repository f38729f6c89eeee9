#pragma once

#include "net/HttpRequest.h"
#include "net/HttpResponse.h"
#include "providers/ApiKey.h"
#include "providers/GeneratedImageSpec.h"
#include "providers/PictureStore.h"
#include "providers/ProviderInfo.h"
#include "util/Job.h"

#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace diy {

class ApiKeyStore;
class HttpJob;

/// The steps every AI picture goes through, whatever the provider: look for the receipt of an
/// earlier run (PictureReceipt: then nothing is sent and nothing paid), read the key (environment or
/// keychain), read the reference pictures (pool thread), send one HTTP request through HttpJob
/// (timeouts, retries with backoff and the server's wait hints), let the provider read the answer,
/// check and store the picture under its content hash and write its receipt (pool thread), then
/// finish with a GeneratedImage carrying provider, model, list price and milliseconds.
///
/// Subclasses (GeminiImageJob, OpenAiImageJob) only build the request and read the answer.
class ImageGenerationJob : public ValueJob<GeneratedImage> {
    Q_OBJECT
public:
    /// A reference picture as sent to the provider.
    struct Reference {
        QByteArray bytes;
        QString mimeType;
    };

    ~ImageGenerationJob() override;

    const GeneratedImageSpec &spec() const { return m_spec; }
    /// The spec's cache key (spec + engine version).
    const QString &key() const { return m_key; }
    /// HTTP requests sent so far for this picture (retries included).
    int attempts() const { return m_attempts; }

protected:
    /// What a provider's answer held: the picture's bytes, or a URL to fetch them from.
    struct Answer {
        QByteArray bytes;
        QUrl downloadUrl;
        QString revisedPrompt;
    };

    /// `engineVersion`: the generator's, part of the spec's key (which names the receipt).
    ImageGenerationJob(QNetworkAccessManager *network, ApiKeyStore *keys, ProviderInfo info, GeneratedImageSpec spec,
                       const QString &engineVersion, QObject *parent);

    /// The request for this picture; `references` are the spec's reference pictures, in order.
    virtual HttpRequest buildRequest(const ApiKey &key, const QList<Reference> &references) const = 0;
    /// Reads the final answer (any status): the picture, or the error to finish with.
    virtual Result<Answer> interpret(const HttpResponse &response) const = 0;
    /// The size and quality the price depends on ("1024x1536", "medium"); empty by default.
    virtual QString priceSize() const { return {}; }
    virtual QString priceQuality() const { return {}; }

    const ProviderInfo &providerInfo() const { return m_info; }
    /// A safety refusal: Error::Kind::Blocked naming the scene, the reason and the ways out.
    Error blocked(const QString &reason, const QString &explanation, const QString &detail) const;
    /// A malformed answer: Error::Kind::Server naming the provider.
    Error malformed(const QString &what, const QByteArray &body) const;

    void run() override;
    void abort() override;

private:
    void readKey();
    void onKeyRead(const Result<ApiKey> &key);
    void onReferencesRead(const Result<QList<Reference>> &references);
    void send(HttpRequest request, std::function<void(const Result<HttpResponse> &)> handler);
    void onAnswer(const Result<HttpResponse> &answer);
    void storePicture(const QByteArray &bytes, const QString &revisedPrompt);
    void onStored(const Result<GeneratedImage> &stored);

    QNetworkAccessManager *m_network;
    QPointer<ApiKeyStore> m_keys;
    ProviderInfo m_info;
    GeneratedImageSpec m_spec;
    QString m_key;
    ApiKey m_apiKey;
    QPointer<Job> m_keyJob;
    QPointer<HttpJob> m_http;
    QPointer<QObject> m_watcher;
    int m_attempts = 0;
};

} // namespace diy
