#include "providers/GeminiImageJob.h"

#include "util/Log.h"

namespace diy {

namespace {

using json = nlohmann::json;

QString qs(const json &j)
{
    return j.is_string() ? QString::fromStdString(j.get<std::string>()) : QString();
}

const json *member(const json &object, const char *camel, const char *snake)
{
    if (!object.is_object())
        return nullptr;
    if (auto it = object.find(camel); it != object.end())
        return &*it;
    if (auto it = object.find(snake); it != object.end())
        return &*it;
    return nullptr;
}

/// Why a stop without a picture happened, in the creator's words; empty: not a refusal.
QString refusalExplanation(const QString &reason)
{
    if (reason == QLatin1String("SAFETY") || reason == QLatin1String("IMAGE_SAFETY"))
        return QStringLiteral("its safety filter stopped the picture");
    if (reason == QLatin1String("PROHIBITED_CONTENT") || reason == QLatin1String("IMAGE_PROHIBITED_CONTENT"))
        return QStringLiteral("it considers the content prohibited");
    if (reason == QLatin1String("BLOCKLIST"))
        return QStringLiteral("the prompt contains blocked terms");
    if (reason == QLatin1String("SPII"))
        return QStringLiteral("the prompt may contain personal information");
    if (reason == QLatin1String("RECITATION") || reason == QLatin1String("IMAGE_RECITATION"))
        return QStringLiteral("the picture would be too close to existing work");
    if (reason == QLatin1String("NO_IMAGE"))
        return QStringLiteral("it produced no picture for this prompt");
    if (reason == QLatin1String("OTHER") || reason == QLatin1String("IMAGE_OTHER"))
        return QStringLiteral("it gave no reason");
    return {};
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

} // namespace

GeminiImageJob::GeminiImageJob(QNetworkAccessManager *network, ApiKeyStore *keys, ProviderInfo info, GeneratedImageSpec spec,
                               const QString &engineVersion, Settings settings, QObject *parent)
    : ImageGenerationJob(network, keys, std::move(info), std::move(spec), engineVersion, parent), m_settings(std::move(settings))
{
}

QUrl GeminiImageJob::endpoint(const QUrl &baseUrl, const QString &model)
{
    QUrl url = baseUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/v1beta/models/") + model + QStringLiteral(":generateContent"));
    return url;
}

json GeminiImageJob::requestBody(const GeneratedImageSpec &spec, const QList<Reference> &references, const QString &imageSize)
{
    json parts = json::array();
    parts.push_back({{"text", spec.prompt.toStdString()}});
    if (!spec.style.trimmed().isEmpty())
        parts.push_back({{"text", spec.style.toStdString()}});
    for (const Reference &r : references)
        parts.push_back({{"inlineData", {{"mimeType", r.mimeType.toStdString()}, {"data", r.bytes.toBase64().toStdString()}}}});
    json imageConfig = {{"aspectRatio", spec.format.id().toStdString()}};
    if (!imageSize.isEmpty())
        imageConfig["imageSize"] = imageSize.toStdString();
    return {{"contents", json::array({{{"role", "user"}, {"parts", parts}}})},
            {"generationConfig", {{"responseModalities", json::array({"IMAGE"})}, {"imageConfig", imageConfig}}}};
}

std::optional<qint64> GeminiImageJob::parseDuration(const QString &text)
{
    QString t = text.trimmed();
    if (!t.endsWith(QLatin1Char('s')))
        return std::nullopt;
    t.chop(1);
    bool ok = false;
    const double seconds = t.toDouble(&ok);
    if (!ok || seconds < 0 || seconds > 7 * 24 * 3600)
        return std::nullopt;
    return qint64(seconds * 1000.0 + 0.5);
}

std::optional<qint64> GeminiImageJob::retryDelayFromBody(const HttpResponse &answer)
{
    const auto body = answer.jsonBody();
    if (!body || !body->is_object() || !body->contains("error") || !(*body)["error"].is_object())
        return std::nullopt;
    const json &details = (*body)["error"].value("details", json::array());
    if (!details.is_array())
        return std::nullopt;
    for (const json &d : details) {
        if (!d.is_object() || !qs(d.value("@type", json())).endsWith(QLatin1String("google.rpc.RetryInfo")))
            continue;
        if (auto delay = parseDuration(qs(d.value("retryDelay", json()))))
            return delay;
    }
    return std::nullopt;
}

Error GeminiImageJob::errorFromAnswer(const HttpResponse &answer, const QString &providerName, const QString &model,
                                      const QString &keyName)
{
    const auto body = answer.jsonBody();
    QString message;
    QString status;
    QString reason;
    if (body && body->is_object() && body->contains("error") && (*body)["error"].is_object()) {
        const json &error = (*body)["error"];
        message = qs(error.value("message", json()));
        status = qs(error.value("status", json()));
        const json details = error.value("details", json::array());
        if (details.is_array())
            for (const json &d : details)
                if (d.is_object() && qs(d.value("@type", json())).endsWith(QLatin1String("google.rpc.ErrorInfo")))
                    reason = qs(d.value("reason", json()));
    }
    const QString detail = QStringLiteral("HTTP %1 %2 %3: %4")
                               .arg(answer.status)
                               .arg(status, reason, message.isEmpty() ? QString::fromUtf8(answer.body.left(300)) : message);
    const QString said = message.isEmpty() ? QStringLiteral("HTTP %1").arg(answer.status) : message;
    if (reason == QLatin1String("API_KEY_INVALID") || answer.status == 401 || answer.status == 403)
        return make(
            Error::Kind::Auth,
            QStringLiteral("%1 did not accept the API key (%2). Check %3 or the key in Settings.").arg(providerName, said, keyName),
            detail, false);
    if (answer.status == 429) {
        const auto wait = retryDelayFromBody(answer);
        return make(
            Error::Kind::RateLimited,
            QStringLiteral("%1's quota is used up for now (%2). %3Try again later, or use cards for now.")
                .arg(providerName, said, wait ? QStringLiteral("It asks to wait %1 s. ").arg((*wait + 999) / 1000) : QString()),
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

HttpRequest GeminiImageJob::buildRequest(const ApiKey &key, const QList<Reference> &references) const
{
    HttpRequest request =
        HttpRequest::postJson(endpoint(m_settings.baseUrl, spec().model), requestBody(spec(), references, m_settings.imageSize));
    request.headers.append({"x-goog-api-key", key.value.toUtf8()});
    request.timeoutMs = m_settings.timeoutMs;
    request.retry = m_settings.retry;
    request.retryDelayFromAnswer = &GeminiImageJob::retryDelayFromBody;
    request.maxResponseBytes = 64LL * 1024 * 1024;
    request.label = QStringLiteral("gemini %1").arg(spec().model);
    return request;
}

Result<ImageGenerationJob::Answer> GeminiImageJob::interpret(const HttpResponse &response) const
{
    const QString name = providerInfo().displayName;
    if (response.status != 200)
        return errorFromAnswer(response, name, spec().model, providerInfo().keyName);
    const auto body = response.jsonBody();
    if (!body || !body->is_object())
        return malformed(QStringLiteral("not JSON"), response.body);

    if (const json *feedback = member(*body, "promptFeedback", "prompt_feedback"); feedback && feedback->is_object()) {
        if (const json *reason = member(*feedback, "blockReason", "block_reason"); reason && reason->is_string()) {
            const QString code = qs(*reason);
            QString explanation = refusalExplanation(code);
            if (explanation.isEmpty())
                explanation = QStringLiteral("the prompt was blocked");
            return blocked(code, explanation, QStringLiteral("promptFeedback.blockReason %1").arg(code));
        }
    }
    const json *candidates = member(*body, "candidates", "candidates");
    if (!candidates || !candidates->is_array() || candidates->empty() || !(*candidates)[0].is_object())
        return malformed(QStringLiteral("no candidates"), response.body);
    const json &candidate = (*candidates)[0];
    const json *finishJson = member(candidate, "finishReason", "finish_reason");
    const QString finishReason = finishJson ? qs(*finishJson) : QString();
    const json *finishMessage = member(candidate, "finishMessage", "finish_message");

    QByteArray picture;
    QStringList texts;
    const json *content = member(candidate, "content", "content");
    const json *parts = content ? member(*content, "parts", "parts") : nullptr;
    if (parts && !parts->is_array())
        return malformed(QStringLiteral("content.parts is not a list"), response.body);
    if (parts) {
        for (const json &part : *parts) {
            if (!part.is_object())
                return malformed(QStringLiteral("a part is not an object"), response.body);
            if (part.value("thought", false) == true)
                continue; // Gemini 3 interim pictures
            if (const json *text = member(part, "text", "text"); text && text->is_string())
                texts.append(qs(*text));
            const json *inline_ = member(part, "inlineData", "inline_data");
            if (!inline_)
                continue;
            const json *data = member(*inline_, "data", "data");
            const json *mime = member(*inline_, "mimeType", "mime_type");
            if (!data || !data->is_string() || !mime || !mime->is_string())
                return malformed(QStringLiteral("inlineData without data or mimeType"), response.body);
            if (!qs(*mime).startsWith(QLatin1String("image/")))
                continue;
            auto decoded = QByteArray::fromBase64Encoding(QByteArray::fromStdString(data->get<std::string>()),
                                                          QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return malformed(QStringLiteral("the picture data is not valid base64"), response.body.left(200));
            picture = *decoded; // the last final picture wins
        }
    }
    if (!picture.isEmpty())
        return Answer{picture, {}, {}};

    const QString said = texts.join(QLatin1Char(' ')).trimmed().left(300);
    QString detail = QStringLiteral("finishReason %1").arg(finishReason.isEmpty() ? QStringLiteral("(none)") : finishReason);
    if (finishMessage && finishMessage->is_string())
        detail += QStringLiteral("; ") + qs(*finishMessage);
    if (!said.isEmpty())
        detail += QStringLiteral("; model said: ") + said;
    const QString explanation = refusalExplanation(finishReason);
    if (!explanation.isEmpty())
        return blocked(finishReason, explanation, detail);
    if ((finishReason == QLatin1String("STOP") || finishReason.isEmpty()) && !said.isEmpty())
        return blocked(QStringLiteral("NO_IMAGE"),
                       QStringLiteral("it answered with text only: \u201c%1\u201d").arg(said.left(120)), detail);
    if (!parts && finishReason.isEmpty())
        return malformed(QStringLiteral("a candidate without content"), response.body);
    Error e = malformed(QStringLiteral("no picture, finishReason %1").arg(finishReason), response.body);
    e.detail = detail;
    return e;
}

} // namespace diy
