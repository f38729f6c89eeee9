#include "providers/OpenAiImageGenerator.h"

#include "providers/ApiKeyStore.h"
#include "providers/ImagePriceTable.h"
#include "providers/OpenAiImageJob.h"
#include "providers/ProviderAccessCheck.h"

namespace diy {

OpenAiImageGenerator::Options OpenAiImageGenerator::Options::fromEnvironment()
{
    Options o;
    const QString url = qEnvironmentVariable("OPENAI_BASE_URL").trimmed();
    if (!url.isEmpty())
        o.baseUrl = QUrl(url);
    return o;
}

RetryPolicy OpenAiImageGenerator::Options::defaultRetry()
{
    RetryPolicy p;
    p.maxAttempts = 5;
    p.initialDelayMs = 2'000;
    p.maxDelayMs = 60'000;
    p.maxRetryAfterMs = 120'000;
    return p;
}

OpenAiImageGenerator::OpenAiImageGenerator(QNetworkAccessManager *network, ApiKeyStore *keys, Options options)
    : m_network(network), m_keys(keys), m_options(std::move(options))
{
}

ProviderInfo OpenAiImageGenerator::info() const
{
    ProviderInfo i;
    i.id = QString::fromLatin1(kId);
    i.displayName = QStringLiteral("OpenAI-compatible images");
    i.needsNetwork = true;
    i.defaultModel = m_options.model;
    i.keyName = QString::fromLatin1(kKeyName);
    // The vertical size is the default format's; the estimate asks the price table per format.
    i.costPerUnit = ImagePriceTable::perPicture(i.id, m_options.model, OpenAiImageJob::sizeFor(m_options.model, VideoFormat()),
                                                OpenAiImageJob::isGptImage(m_options.model) ? m_options.quality : QString())
                        .value_or(0.0);
    i.unit = QStringLiteral("picture");
    i.maxConcurrency = m_options.maxConcurrency;
    i.referenceImages = false;
    return i;
}

QString OpenAiImageGenerator::engineVersion() const
{
    return QStringLiteral("openai-image-1-") + m_options.quality;
}

ValueJob<GeneratedImage> *OpenAiImageGenerator::generate(const GeneratedImageSpec &spec, QObject *parent)
{
    GeneratedImageSpec s = spec;
    if (s.model.isEmpty())
        s.model = m_options.model;
    if (s.provider.isEmpty())
        s.provider = QString::fromLatin1(kId);
    OpenAiImageJob::Settings settings;
    settings.baseUrl = m_options.baseUrl;
    settings.quality = m_options.quality;
    settings.timeoutMs = m_options.timeoutMs;
    settings.retry = m_options.retry;
    return new OpenAiImageJob(m_network, m_keys, info(), std::move(s), engineVersion(), std::move(settings), parent);
}

ValueJob<QString> *OpenAiImageGenerator::testAccess(const QString &key, QObject *parent)
{
    const QUrl url = OpenAiImageJob::endpoint(m_options.baseUrl, QStringLiteral("models"));
    const QString model = m_options.model;
    const QString name = info().displayName;
    auto build = [url](const QString &apiKey) {
        HttpRequest request = HttpRequest::get(url);
        request.headers.append({"Authorization", "Bearer " + apiKey.toUtf8()});
        request.timeoutMs = 20'000;
        request.retry.maxAttempts = 2;
        request.retry.initialDelayMs = 1'000;
        request.label = QStringLiteral("openai key check");
        return request;
    };
    auto read = [name, model](const HttpResponse &answer) -> Result<QString> {
        if (answer.status != 200)
            return OpenAiImageJob::errorFromAnswer(answer, name, model, QString::fromLatin1(kKeyName));
        const auto body = answer.jsonBody();
        if (!body || !body->is_object() || !body->contains("data") || !(*body)["data"].is_array())
            return Error{Error::Kind::Server, QStringLiteral("%1 answered the key check with something unexpected.").arg(name),
                         QString::fromUtf8(answer.body.left(300)), true};
        bool listed = false;
        for (const auto &m : (*body)["data"])
            if (m.is_object() && m.value("id", std::string()) == model.toStdString())
                listed = true;
        if (!listed)
            return QStringLiteral("The key works, but the server does not list %1; pictures may fail.").arg(model);
        return QStringLiteral("The key works: %1 is available.").arg(model);
    };
    return new ProviderAccessCheck(m_network, m_keys, QString::fromLatin1(kKeyName), key, build, read, parent);
}

} // namespace diy
