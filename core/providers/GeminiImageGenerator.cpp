#include "providers/GeminiImageGenerator.h"

#include "providers/ApiKeyStore.h"
#include "providers/GeminiImageJob.h"
#include "providers/ImagePriceTable.h"
#include "providers/ProviderAccessCheck.h"

namespace diy {

GeminiImageGenerator::Options GeminiImageGenerator::Options::fromEnvironment()
{
    Options o;
    const QString url = qEnvironmentVariable("DIY_GEMINI_URL").trimmed();
    if (!url.isEmpty())
        o.baseUrl = QUrl(url);
    return o;
}

RetryPolicy GeminiImageGenerator::Options::defaultRetry()
{
    RetryPolicy p;
    p.maxAttempts = 5;
    p.initialDelayMs = 2'000;
    p.maxDelayMs = 60'000;
    p.maxRetryAfterMs = 120'000;
    return p;
}

GeminiImageGenerator::GeminiImageGenerator(QNetworkAccessManager *network, ApiKeyStore *keys, Options options)
    : m_network(network), m_keys(keys), m_options(std::move(options))
{
}

ProviderInfo GeminiImageGenerator::info() const
{
    ProviderInfo i;
    i.id = QString::fromLatin1(kId);
    i.displayName = QStringLiteral("Google Gemini");
    i.needsNetwork = true;
    i.defaultModel = m_options.model;
    i.keyName = QString::fromLatin1(kKeyName);
    i.costPerUnit = ImagePriceTable::perPicture(i.id, m_options.model).value_or(0.0);
    i.unit = QStringLiteral("picture");
    i.maxConcurrency = m_options.maxConcurrency;
    i.referenceImages = true;
    return i;
}

QString GeminiImageGenerator::engineVersion() const
{
    // Bump when the request shape changes what the same spec draws.
    return QStringLiteral("gemini-image-1") + (m_options.imageSize.isEmpty() ? QString() : QLatin1Char('-') + m_options.imageSize);
}

ValueJob<GeneratedImage> *GeminiImageGenerator::generate(const GeneratedImageSpec &spec, QObject *parent)
{
    GeneratedImageSpec s = spec;
    if (s.model.isEmpty())
        s.model = m_options.model;
    if (s.provider.isEmpty())
        s.provider = QString::fromLatin1(kId);
    GeminiImageJob::Settings settings;
    settings.baseUrl = m_options.baseUrl;
    settings.imageSize = m_options.imageSize;
    settings.timeoutMs = m_options.timeoutMs;
    settings.retry = m_options.retry;
    return new GeminiImageJob(m_network, m_keys, info(), std::move(s), engineVersion(), std::move(settings), parent);
}

ValueJob<QString> *GeminiImageGenerator::testAccess(const QString &key, QObject *parent)
{
    const QUrl base = m_options.baseUrl;
    const QString model = m_options.model;
    const QString name = info().displayName;
    auto build = [base, model](const QString &apiKey) {
        QUrl url = base;
        QString path = url.path();
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        url.setPath(path + QStringLiteral("/v1beta/models/") + model);
        HttpRequest request = HttpRequest::get(url);
        request.headers.append({"x-goog-api-key", apiKey.toUtf8()});
        request.timeoutMs = 20'000;
        request.retry.maxAttempts = 2;
        request.retry.initialDelayMs = 1'000;
        request.label = QStringLiteral("gemini key check");
        return request;
    };
    auto read = [name, model](const HttpResponse &answer) -> Result<QString> {
        if (answer.status != 200)
            return GeminiImageJob::errorFromAnswer(answer, name, model, QString::fromLatin1(kKeyName));
        const auto body = answer.jsonBody();
        if (!body || !body->is_object() || !body->contains("name"))
            return Error{Error::Kind::Server, QStringLiteral("%1 answered the key check with something unexpected.").arg(name),
                         QString::fromUtf8(answer.body.left(300)), true};
        return QStringLiteral("The key works: %1 is available.").arg(model);
    };
    return new ProviderAccessCheck(m_network, m_keys, QString::fromLatin1(kKeyName), key, build, read, parent);
}

} // namespace diy
