#include "GeminiImageDouble.h"

#include <QRandomGenerator>
#include <QTcpSocket>
#include <QUrlQuery>

namespace diy::test {

namespace {

using json = nlohmann::json;

const char *const kPrefix = "/v1beta/models/";

QString qs(const json &j)
{
    return j.is_string() ? QString::fromStdString(j.get<std::string>()) : QString();
}

/// The first key of `object` that is not in `allowed` (camelCase and snake_case both accepted).
QString unknownKey(const json &object, std::initializer_list<const char *> allowed)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool ok = false;
        for (const char *a : allowed)
            ok = ok || it.key() == a;
        if (!ok)
            return QString::fromStdString(it.key());
    }
    return {};
}

QString unknownName(const QString &name, const QString &at)
{
    return QStringLiteral("Invalid JSON payload received. Unknown name \"%1\" at '%2': Cannot find field.").arg(name, at);
}

const json *either(const json &object, const char *camel, const char *snake)
{
    if (auto it = object.find(camel); it != object.end())
        return &*it;
    if (auto it = object.find(snake); it != object.end())
        return &*it;
    return nullptr;
}

} // namespace

GeminiImageDouble::GeminiImageDouble(QObject *parent) : ImageApiDouble(parent) {}

QStringList GeminiImageDouble::models()
{
    return {QStringLiteral("gemini-2.5-flash-image"),     QStringLiteral("gemini-3-pro-image"),
            QStringLiteral("gemini-3-pro-image-preview"), QStringLiteral("nano-banana-pro-preview"),
            QStringLiteral("gemini-3.1-flash-image"),     QStringLiteral("gemini-3.1-flash-image-preview")};
}

QSize GeminiImageDouble::pictureSize(const QString &aspectRatio)
{
    const int w = aspectRatio.section(QLatin1Char(':'), 0, 0).toInt();
    const int h = aspectRatio.section(QLatin1Char(':'), 1, 1).toInt();
    if (w <= 0 || h <= 0)
        return {96, 96};
    // Long side 128, short side at least 64 for the ratios up to 2:1.
    return w >= h ? QSize(128, std::max(1, 128 * h / w)) : QSize(std::max(1, 128 * w / h), 128);
}

bool GeminiImageDouble::isPictureRequest(const Recorded &request) const
{
    return request.method == "POST" && request.path.endsWith(QLatin1String(":generateContent"));
}

void GeminiImageDouble::error(QTcpSocket *socket, Recorded &request, int code, const QString &status, const QString &message,
                              const json &details)
{
    json e = {{"code", code}, {"message", message.toStdString()}, {"status", status.toStdString()}};
    if (!details.empty())
        e["details"] = details;
    respond(socket, request, code, {{"error", e}});
}

void GeminiImageDouble::handle(QTcpSocket *socket, Recorded &request, const std::optional<Fault> &fault)
{
    if (!request.path.startsWith(QLatin1String(kPrefix))) {
        error(socket, request, 404, QStringLiteral("NOT_FOUND"), QStringLiteral("Requested entity was not found."));
        return;
    }
    QString rest = request.path.mid(int(qstrlen(kPrefix)));
    const bool generate = rest.endsWith(QLatin1String(":generateContent"));
    const QString model = generate ? rest.section(QLatin1Char(':'), 0, 0) : rest;
    if (rest.contains(QLatin1Char(':')) && !generate) {
        error(socket, request, 404, QStringLiteral("NOT_FOUND"), QStringLiteral("Requested entity was not found."));
        return;
    }
    if ((generate && request.method != "POST") || (!generate && request.method != "GET")) {
        error(socket, request, 404, QStringLiteral("NOT_FOUND"), QStringLiteral("Requested entity was not found."));
        return;
    }

    // Authentication comes first, like the real front end.
    QByteArray key = request.headers.value("x-goog-api-key");
    if (key.isEmpty())
        key = QUrlQuery(request.query).queryItemValue(QStringLiteral("key")).toUtf8();
    if (key.isEmpty()) {
        error(socket, request, 403, QStringLiteral("PERMISSION_DENIED"),
              QStringLiteral("Method doesn't allow unregistered callers (callers without established identity). "
                             "Please use API Key or other form of API consumer identity to call this API."));
        return;
    }
    if (QString::fromUtf8(key) != apiKey()) {
        error(socket, request, 400, QStringLiteral("INVALID_ARGUMENT"),
              QStringLiteral("API key not valid. Please pass a valid API key."),
              json::array({{{"@type", "type.googleapis.com/google.rpc.ErrorInfo"},
                            {"reason", "API_KEY_INVALID"},
                            {"domain", "googleapis.com"},
                            {"metadata", {{"service", "generativelanguage.googleapis.com"}}}},
                           {{"@type", "type.googleapis.com/google.rpc.LocalizedMessage"},
                            {"locale", "en-US"},
                            {"message", "API key not valid. Please pass a valid API key."}}}));
        return;
    }
    if (!models().contains(model)) {
        error(socket, request, 404, QStringLiteral("NOT_FOUND"),
              QStringLiteral("models/%1 is not found for API version v1beta, or is not supported for generateContent. "
                             "Call ListModels to see the list of available models and their supported methods.")
                  .arg(model));
        return;
    }
    if (!generate) {
        respond(socket, request, 200,
                {{"name", "models/" + model.toStdString()},
                 {"version", "2.0"},
                 {"displayName", model.toStdString()},
                 {"supportedGenerationMethods", json::array({"generateContent", "countTokens"})}});
        return;
    }
    if (!request.headers.value("content-type").startsWith("application/json")) {
        error(socket, request, 400, QStringLiteral("INVALID_ARGUMENT"),
              QStringLiteral("Invalid JSON payload received. Expected a JSON body."));
        return;
    }
    if (request.json.is_null() || !request.json.is_object()) {
        error(socket, request, 400, QStringLiteral("INVALID_ARGUMENT"),
              QStringLiteral("Invalid JSON payload received. Unexpected token."));
        return;
    }
    if (const QString problem = validate(request.json); !problem.isEmpty()) {
        error(socket, request, 400, QStringLiteral("INVALID_ARGUMENT"), problem);
        return;
    }
    if (fault) {
        answerFault(socket, request, *fault, model);
        return;
    }
    answerPicture(socket, request, model);
}

QString GeminiImageDouble::validate(const json &body) const
{
    if (const QString k = unknownKey(body, {"contents", "generationConfig", "generation_config", "safetySettings",
                                            "safety_settings", "systemInstruction", "system_instruction", "tools", "toolConfig",
                                            "tool_config", "cachedContent", "cached_content"});
        !k.isEmpty())
        return unknownName(k, QString());
    const json *contents = either(body, "contents", "contents");
    if (!contents || !contents->is_array() || contents->empty())
        return QStringLiteral("* GenerateContentRequest.contents: contents is not specified");
    for (const json &content : *contents) {
        if (!content.is_object())
            return QStringLiteral(
                "Invalid value at 'contents[0]' (type.googleapis.com/google.ai.generativelanguage.v1beta.Content)");
        if (const QString k = unknownKey(content, {"role", "parts"}); !k.isEmpty())
            return unknownName(k, QStringLiteral("contents[0]"));
        if (content.contains("role") && content["role"] != "user" && content["role"] != "model")
            return QStringLiteral("Please use a valid role: user, model.");
        const json *parts = either(content, "parts", "parts");
        if (!parts || !parts->is_array() || parts->empty())
            return QStringLiteral("* GenerateContentRequest.contents[0].parts: contents.parts must not be empty.");
        for (const json &part : *parts) {
            if (!part.is_object())
                return QStringLiteral("Invalid value at 'contents[0].parts[0]'");
            if (const QString k = unknownKey(part, {"text", "inlineData", "inline_data", "fileData", "file_data", "thought",
                                                    "thoughtSignature", "thought_signature"});
                !k.isEmpty())
                return unknownName(k, QStringLiteral("contents[0].parts[0]"));
            const json *text = either(part, "text", "text");
            const json *inline_ = either(part, "inlineData", "inline_data");
            if (bool(text) == bool(inline_))
                return QStringLiteral("* GenerateContentRequest.contents[0].parts[0].data: required oneof field 'data' must have "
                                      "one initialized field");
            if (text && !text->is_string())
                return QStringLiteral("Invalid value at 'contents[0].parts[0].text' (TYPE_STRING)");
            if (inline_) {
                if (!inline_->is_object())
                    return QStringLiteral("Invalid value at 'contents[0].parts[0].inline_data'");
                if (const QString k = unknownKey(*inline_, {"mimeType", "mime_type", "data"}); !k.isEmpty())
                    return unknownName(k, QStringLiteral("contents[0].parts[0].inline_data"));
                const json *mime = either(*inline_, "mimeType", "mime_type");
                const json *data = either(*inline_, "data", "data");
                if (!mime || !mime->is_string() || !data || !data->is_string())
                    return QStringLiteral(
                        "* GenerateContentRequest.contents[0].parts[0].inline_data: mime_type and data are required");
                const auto bytes = QByteArray::fromBase64Encoding(QByteArray::fromStdString(data->get<std::string>()),
                                                                  QByteArray::AbortOnBase64DecodingErrors);
                if (!bytes)
                    return QStringLiteral(
                        "Invalid value at 'contents[0].parts[0].inline_data.data' (TYPE_BYTES), Base64 decoding failed");
                const QString m = qs(*mime);
                if (m != QLatin1String("image/png") && m != QLatin1String("image/jpeg") && m != QLatin1String("image/webp"))
                    return QStringLiteral("Unsupported MIME type: %1").arg(m);
            }
        }
    }
    const json *config = either(body, "generationConfig", "generation_config");
    if (!config)
        return {};
    if (!config->is_object())
        return QStringLiteral("Invalid value at 'generation_config'");
    if (const QString k = unknownKey(*config, {"responseModalities", "response_modalities", "imageConfig", "image_config",
                                               "temperature", "topP", "top_p", "topK", "top_k", "candidateCount",
                                               "candidate_count", "maxOutputTokens", "max_output_tokens", "seed", "stopSequences",
                                               "stop_sequences", "thinkingConfig", "thinking_config"});
        !k.isEmpty())
        return unknownName(k, QStringLiteral("generation_config"));
    if (const json *modalities = either(*config, "responseModalities", "response_modalities")) {
        if (!modalities->is_array())
            return QStringLiteral("Invalid value at 'generation_config.response_modalities'");
        for (const json &m : *modalities)
            if (m != "TEXT" && m != "IMAGE" && m != "AUDIO")
                return QStringLiteral(
                           "Invalid value at 'generation_config.response_modalities[0]' "
                           "(type.googleapis.com/google.ai.generativelanguage.v1beta.GenerationConfig.Modality), \"%1\"")
                    .arg(QString::fromStdString(m.dump()));
    }
    if (const json *image = either(*config, "imageConfig", "image_config")) {
        if (!image->is_object())
            return QStringLiteral("Invalid value at 'generation_config.image_config'");
        if (const QString k = unknownKey(*image, {"aspectRatio", "aspect_ratio", "imageSize", "image_size"}); !k.isEmpty())
            return unknownName(k, QStringLiteral("generation_config.image_config"));
        if (const json *ratio = either(*image, "aspectRatio", "aspect_ratio")) {
            static const QStringList ratios = {QStringLiteral("1:1"),  QStringLiteral("2:3"), QStringLiteral("3:2"),
                                               QStringLiteral("3:4"),  QStringLiteral("4:3"), QStringLiteral("9:16"),
                                               QStringLiteral("16:9"), QStringLiteral("21:9")};
            if (!ratios.contains(qs(*ratio)))
                return QStringLiteral("* GenerateContentRequest.generation_config.image_config.aspect_ratio: "
                                      "Unsupported aspect ratio: %1")
                    .arg(QString::fromStdString(ratio->dump()));
        }
        if (const json *size = either(*image, "imageSize", "image_size")) {
            if (qs(*size) != QLatin1String("1K") && qs(*size) != QLatin1String("2K") && qs(*size) != QLatin1String("4K"))
                return QStringLiteral("* GenerateContentRequest.generation_config.image_config.image_size: "
                                      "Unsupported image size: %1")
                    .arg(QString::fromStdString(size->dump()));
        }
    }
    return {};
}

void GeminiImageDouble::answerFault(QTcpSocket *socket, Recorded &request, const Fault &fault, const QString &model)
{
    switch (fault.kind) {
    case Fault::Kind::Latency: break; // handled before
    case Fault::Kind::RateLimited: {
        json details =
            json::array({{{"@type", "type.googleapis.com/google.rpc.QuotaFailure"},
                          {"violations",
                           json::array({{{"quotaMetric", "generativelanguage.googleapis.com/generate_content_free_tier_requests"},
                                         {"quotaId", "GenerateRequestsPerMinutePerProjectPerModel-FreeTier"},
                                         {"quotaDimensions", {{"location", "global"}, {"model", model.toStdString()}}},
                                         {"quotaValue", "10"}}})}},
                         {{"@type", "type.googleapis.com/google.rpc.Help"},
                          {"links", json::array({{{"description", "Learn more about Gemini API quotas"},
                                                  {"url", "https://ai.google.dev/gemini-api/docs/rate-limits"}}})}}});
        if (!fault.retryHint.isEmpty())
            details.push_back(
                {{"@type", "type.googleapis.com/google.rpc.RetryInfo"}, {"retryDelay", fault.retryHint.toStdString()}});
        error(socket, request, 429, QStringLiteral("RESOURCE_EXHAUSTED"),
              QStringLiteral("You exceeded your current quota, please check your plan and billing details."), details);
        return;
    }
    case Fault::Kind::Unavailable:
        error(socket, request, 503, QStringLiteral("UNAVAILABLE"),
              QStringLiteral("The model is overloaded. Please try again later."));
        return;
    case Fault::Kind::InternalError:
        error(socket, request, 500, QStringLiteral("INTERNAL"),
              QStringLiteral("An internal error has occurred. Please retry or report in "
                             "https://developers.generativeai.google/guide/troubleshooting"));
        return;
    case Fault::Kind::Blocked: {
        const json usage = {{"promptTokenCount", 12}, {"totalTokenCount", 12}};
        if (fault.reason.startsWith(QLatin1String("PROMPT:"))) {
            respond(socket, request, 200,
                    {{"promptFeedback", {{"blockReason", fault.reason.mid(7).toStdString()}}},
                     {"usageMetadata", usage},
                     {"modelVersion", model.toStdString()}});
            return;
        }
        json candidate = {{"finishReason", fault.reason.toStdString()}, {"index", 0}};
        if (fault.reason == QLatin1String("NO_IMAGE") || fault.reason == QLatin1String("STOP"))
            candidate["content"] = {
                {"role", "model"},
                {"parts", json::array({{{"text", "I can't create that picture. Try describing it differently."}}})}};
        respond(socket, request, 200,
                {{"candidates", json::array({candidate})}, {"usageMetadata", usage}, {"modelVersion", model.toStdString()}});
        return;
    }
    case Fault::Kind::MalformedBody:
        respondRaw(socket, request, 200,
                   "{\"candidates\": [{\"content\": {\"parts\": [{\"inlineData\": {\"mimeType\": \"image/png\", \"da",
                   "application/json; charset=UTF-8");
        return;
    case Fault::Kind::NotAPicture:
    case Fault::Kind::DamagedPicture: {
        QByteArray bytes(600, '\0');
        for (char &c : bytes)
            c = char(QRandomGenerator::global()->bounded(256));
        if (fault.kind == Fault::Kind::DamagedPicture)
            bytes.replace(0, 8, "\x89PNG\r\n\x1a\n");
        else
            bytes[0] = 'x';
        const json part = {{"inlineData", {{"mimeType", "image/png"}, {"data", bytes.toBase64().toStdString()}}}};
        respond(socket, request, 200,
                {{"candidates",
                  json::array(
                      {{{"content", {{"role", "model"}, {"parts", json::array({part})}}}, {"finishReason", "STOP"}, {"index", 0}}})},
                 {"modelVersion", model.toStdString()}});
        return;
    }
    case Fault::Kind::DropConnection: drop(socket, request); return;
    }
}

void GeminiImageDouble::answerPicture(QTcpSocket *socket, Recorded &request, const QString &model)
{
    const json &body = request.json;
    QStringList texts;
    int images = 0;
    for (const json &content : body["contents"])
        for (const json &part : content["parts"]) {
            if (const json *t = either(part, "text", "text"))
                texts.append(qs(*t));
            if (either(part, "inlineData", "inline_data"))
                ++images;
        }
    QString ratio = QStringLiteral("1:1");
    bool wantImage = false;
    bool wantText = true;
    if (const json *config = either(body, "generationConfig", "generation_config")) {
        if (const json *image = either(*config, "imageConfig", "image_config"))
            if (const json *r = either(*image, "aspectRatio", "aspect_ratio"))
                ratio = qs(*r);
        if (const json *modalities = either(*config, "responseModalities", "response_modalities")) {
            wantImage = std::find(modalities->begin(), modalities->end(), "IMAGE") != modalities->end();
            wantText = std::find(modalities->begin(), modalities->end(), "TEXT") != modalities->end();
        }
    }
    json parts = json::array();
    if (wantText || !wantImage)
        parts.push_back(
            {{"text", wantImage ? "Here is the picture you asked for." : "I can describe it, but I was not asked to draw it."}});
    if (wantImage) {
        const QString prompt = texts.join(QLatin1Char('\n'));
        if (m_thoughtPictures)
            parts.push_back({{"thought", true},
                             {"inlineData",
                              {{"mimeType", "image/png"}, {"data", png(Qt::black, pictureSize(ratio)).toBase64().toStdString()}}}});
        parts.push_back(
            {{"inlineData",
              {{"mimeType", "image/png"}, {"data", png(colorFor(prompt), pictureSize(ratio)).toBase64().toStdString()}}}});
        request.picture = true;
    }
    const json usage = {{"promptTokenCount", 10 + 258 * images},
                        {"candidatesTokenCount", wantImage ? 1290 : 20},
                        {"totalTokenCount", 10 + 258 * images + (wantImage ? 1290 : 20)},
                        {"candidatesTokensDetails",
                         json::array({{{"modality", wantImage ? "IMAGE" : "TEXT"}, {"tokenCount", wantImage ? 1290 : 20}}})}};
    respond(socket, request, 200,
            {{"candidates",
              json::array({{{"content", {{"role", "model"}, {"parts", parts}}}, {"finishReason", "STOP"}, {"index", 0}}})},
             {"usageMetadata", usage},
             {"modelVersion", model.toStdString()},
             {"responseId", QString::number(QRandomGenerator::global()->generate64(), 36).toStdString()}});
}

} // namespace diy::test
