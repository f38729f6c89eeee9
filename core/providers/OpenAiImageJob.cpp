#include "providers/OpenAiImageJob.h"

namespace diy {

namespace {

using json = nlohmann::json;

QString qs(const json &j)
{
    return j.is_string() ? QString::fromStdString(j.get<std::string>()) : QString();
}

Error make(Error::Kind kind, const QString &message, const QString &detail, bool retryable)
{
    Error e;
    e.kind = kind;
    e.message = message;
    e.detail = detail;
    e.retryable = retryable;
    return e;
}

bool isRefusal(const QString &code, const QString &type)
{
    for (const char *c : {"content_policy_violation", "moderation_blocked", "image_generation_user_error"})
        if (code == QLatin1String(c) || type == QLatin1String(c))
            return true;
    return false;
}

} // namespace

OpenAiImageJob::OpenAiImageJob(QNetworkAccessManager *network, ApiKeyStore *keys, ProviderInfo info, GeneratedImageSpec spec,
                               const QString &engineVersion, Settings settings, QObject *parent)
    : ImageGenerationJob(network, keys, std::move(info), std::move(spec), engineVersion, parent), m_settings(std::move(settings))
{
}

QUrl OpenAiImageJob::endpoint(const QUrl &baseUrl, const QString &path)
{
    QUrl url = baseUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("/v1");
    url.setPath(base + QLatin1Char('/') + path);
    return url;
}

bool OpenAiImageJob::isGptImage(const QString &model)
{
    return model.startsWith(QLatin1String("gpt-image"));
}

QString OpenAiImageJob::sizeFor(const QString &model, const VideoFormat &format)
{
    if (model == QLatin1String("dall-e-2"))
        return QStringLiteral("1024x1024"); // squares only
    const bool dalle3 = model == QLatin1String("dall-e-3");
    switch (format.kind()) {
    case VideoFormat::Kind::Vertical: return dalle3 ? QStringLiteral("1024x1792") : QStringLiteral("1024x1536");
    case VideoFormat::Kind::Landscape: return dalle3 ? QStringLiteral("1792x1024") : QStringLiteral("1536x1024");
    case VideoFormat::Kind::Square: return QStringLiteral("1024x1024");
    }
    return QStringLiteral("1024x1024");
}

json OpenAiImageJob::requestBody(const GeneratedImageSpec &spec, const QString &quality)
{
    QString prompt = spec.prompt.trimmed();
    if (!spec.style.trimmed().isEmpty())
        prompt += QStringLiteral("\n\n") + spec.style.trimmed();
    json body = {{"model", spec.model.toStdString()},
                 {"prompt", prompt.toStdString()},
                 {"n", 1},
                 {"size", sizeFor(spec.model, spec.format).toStdString()}};
    if (isGptImage(spec.model)) {
        if (!quality.isEmpty())
            body["quality"] = quality.toStdString();
    } else {
        body["response_format"] = "b64_json";
    }
    return body;
}

Error OpenAiImageJob::errorFromAnswer(const HttpResponse &answer, const QString &providerName, const QString &model,
                                      const QString &keyName)
{
    const auto body = answer.jsonBody();
    QString message;
    QString type;
    QString code;
    if (body && body->is_object() && body->contains("error") && (*body)["error"].is_object()) {
        const json &error = (*body)["error"];
        message = qs(error.value("message", json()));
        type = qs(error.value("type", json()));
        const json c = error.value("code", json());
        code = c.is_number_integer() ? QString::number(c.get<long long>()) : qs(c); // LocalAI sends a number
    }
    const QString detail = QStringLiteral("HTTP %1 %2/%3: %4")
                               .arg(answer.status)
                               .arg(type, code, message.isEmpty() ? QString::fromUtf8(answer.body.left(300)) : message);
    const QString said = message.isEmpty() ? QStringLiteral("HTTP %1").arg(answer.status) : message;
    if (answer.status == 401 || code == QLatin1String("invalid_api_key"))
        return make(Error::Kind::Auth,
                    QStringLiteral("%1 did not accept the API key (%2). Check %3 or the key in Settings.")
                        .arg(providerName, said.left(200), keyName),
                    detail, false);
    if (answer.status == 403)
        return make(Error::Kind::Auth,
                    QStringLiteral("%1 does not allow this key to use %2 (%3).").arg(providerName, model, said), detail, false);
    if (answer.status == 429) {
        if (code == QLatin1String("insufficient_quota"))
            return make(
                Error::Kind::RateLimited,
                QStringLiteral("%1 has no credit left on this account (%2). Add credit or use cards.").arg(providerName, said),
                detail, false);
        return make(
            Error::Kind::RateLimited,
            QStringLiteral("%1 is limiting requests (%2). Try again in a minute, or use cards for now.").arg(providerName, said),
            detail, true);
    }
    if (answer.status == 404)
        return make(Error::Kind::NotFound,
                    QStringLiteral("%1 does not offer the model %2 (%3). Choose another model.").arg(providerName, model, said),
                    detail, false);
    if (answer.status >= 500)
        return make(Error::Kind::Server,
                    QStringLiteral("%1 is not working right now (%2). Try again later.").arg(providerName, said), detail, true);
    if (!body)
        return make(Error::Kind::Server,
                    QStringLiteral("%1 answered HTTP %2 with a body the studio cannot read.").arg(providerName).arg(answer.status),
                    detail, false);
    return make(Error::Kind::InvalidInput, QStringLiteral("%1 refused the request: %2").arg(providerName, said), detail, false);
}

HttpRequest OpenAiImageJob::buildRequest(const ApiKey &key, const QList<Reference> &) const
{
    HttpRequest request = HttpRequest::postJson(endpoint(m_settings.baseUrl, QStringLiteral("images/generations")),
                                                requestBody(spec(), m_settings.quality));
    request.headers.append({"Authorization", "Bearer " + key.value.toUtf8()});
    request.timeoutMs = m_settings.timeoutMs;
    request.retry = m_settings.retry;
    request.maxResponseBytes = 64LL * 1024 * 1024;
    request.label = QStringLiteral("openai images %1").arg(spec().model);
    return request;
}

Result<ImageGenerationJob::Answer> OpenAiImageJob::interpret(const HttpResponse &response) const
{
    const QString name = providerInfo().displayName;
    if (!response.isSuccess()) {
        const auto body = response.jsonBody();
        if (body && body->is_object() && body->contains("error") && (*body)["error"].is_object()) {
            const json &error = (*body)["error"];
            const json c = error.value("code", json());
            const QString code = qs(c);
            const QString type = qs(error.value("type", json()));
            if (isRefusal(code, type)) {
                const QString message = qs(error.value("message", json()));
                return blocked(code.isEmpty() ? type : code, QStringLiteral("its content policy stopped the picture"),
                               QStringLiteral("HTTP %1: %2").arg(response.status).arg(message));
            }
        }
        return errorFromAnswer(response, name, spec().model, providerInfo().keyName);
    }
    const auto body = response.jsonBody();
    if (!body || !body->is_object())
        return malformed(QStringLiteral("not JSON"), response.body);
    const json data = body->value("data", json());
    if (!data.is_array() || data.empty() || !data[0].is_object())
        return malformed(QStringLiteral("no data"), response.body);
    const json &item = data[0];
    Answer answer;
    answer.revisedPrompt = qs(item.value("revised_prompt", json()));
    const json b64 = item.value("b64_json", json());
    if (b64.is_string()) {
        auto decoded = QByteArray::fromBase64Encoding(QByteArray::fromStdString(b64.get<std::string>()),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty())
            return malformed(QStringLiteral("b64_json is not valid base64"), response.body.left(200));
        answer.bytes = *decoded;
        return answer;
    }
    const json url = item.value("url", json());
    if (url.is_string()) {
        const QUrl link(qs(url));
        if (!link.isValid() || (link.scheme() != QLatin1String("https") && link.scheme() != QLatin1String("http")))
            return malformed(QStringLiteral("the picture link is not an http(s) URL"), response.body);
        answer.downloadUrl = link;
        return answer;
    }
    return malformed(QStringLiteral("neither b64_json nor url"), response.body);
}

} // namespace diy
