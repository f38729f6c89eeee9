#include "OpenAiImageDouble.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTcpSocket>

namespace diy::test {

namespace {

using json = nlohmann::json;

QString qs(const json &j)
{
    return j.is_string() ? QString::fromStdString(j.get<std::string>()) : QString();
}

bool isGptImage(const QString &model)
{
    return model.startsWith(QLatin1String("gpt-image"));
}

QString supported(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted.append(QLatin1Char('\'') + v + QLatin1Char('\''));
    if (quoted.size() > 1)
        quoted.last().prepend(QStringLiteral("and "));
    return quoted.join(QStringLiteral(", "));
}

} // namespace

OpenAiImageDouble::OpenAiImageDouble(QObject *parent) : ImageApiDouble(parent) {}

QStringList OpenAiImageDouble::models()
{
    return {QStringLiteral("dall-e-2"),         QStringLiteral("dall-e-3"),      QStringLiteral("gpt-image-1"),
            QStringLiteral("gpt-image-1-mini"), QStringLiteral("gpt-image-1.5"), QStringLiteral("gpt-image-2")};
}

QStringList OpenAiImageDouble::sizes(const QString &model)
{
    if (model == QLatin1String("dall-e-2"))
        return {QStringLiteral("256x256"), QStringLiteral("512x512"), QStringLiteral("1024x1024")};
    if (model == QLatin1String("dall-e-3"))
        return {QStringLiteral("1024x1024"), QStringLiteral("1792x1024"), QStringLiteral("1024x1792")};
    if (model == QLatin1String("gpt-image-2"))
        return {};
    return {QStringLiteral("1024x1024"), QStringLiteral("1536x1024"), QStringLiteral("1024x1536"), QStringLiteral("auto")};
}

bool OpenAiImageDouble::isPictureRequest(const Recorded &request) const
{
    return request.method == "POST" && request.path == QLatin1String("/v1/images/generations");
}

void OpenAiImageDouble::error(QTcpSocket *socket, Recorded &request, int status, const QString &message, const QString &type,
                              const json &param, const json &code, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    respond(socket, request, status,
            {{"error", {{"message", message.toStdString()}, {"type", type.toStdString()}, {"param", param}, {"code", code}}}},
            headers);
}

void OpenAiImageDouble::handle(QTcpSocket *socket, Recorded &request, const std::optional<Fault> &fault)
{
    if (request.method == "GET" && request.path.startsWith(QLatin1String("/files/"))) {
        const auto it = m_files.constFind(request.path.mid(7));
        if (it == m_files.cend()) {
            respondRaw(socket, request, 404, "Not Found", "text/plain");
            return;
        }
        request.picture = true;
        respondRaw(socket, request, 200, *it, "image/png");
        return;
    }
    const bool generation = request.path == QLatin1String("/v1/images/generations");
    const bool listing = request.path == QLatin1String("/v1/models");
    if (!generation && !listing) {
        error(socket, request, 404, QStringLiteral("Invalid URL (%1 %2)").arg(QString::fromLatin1(request.method), request.path),
              QStringLiteral("invalid_request_error"), nullptr, nullptr);
        return;
    }
    if ((generation && request.method != "POST") || (listing && request.method != "GET")) {
        error(socket, request, 405,
              QStringLiteral("Invalid method for URL (%1 %2)").arg(QString::fromLatin1(request.method), request.path),
              QStringLiteral("invalid_request_error"), nullptr, nullptr);
        return;
    }
    const QByteArray auth = request.headers.value("authorization");
    if (!auth.startsWith("Bearer ") || auth.mid(7).trimmed().isEmpty()) {
        error(socket, request, 401,
              QStringLiteral("You didn't provide an API key. You need to provide your API key in an Authorization header "
                             "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."),
              QStringLiteral("invalid_request_error"), nullptr, nullptr);
        return;
    }
    const QString key = QString::fromUtf8(auth.mid(7).trimmed());
    if (key != apiKey()) {
        error(socket, request, 401,
              QStringLiteral("Incorrect API key provided: %1****%2. You can find your API key at "
                             "https://platform.openai.com/account/api-keys.")
                  .arg(key.left(3), key.right(4)),
              QStringLiteral("invalid_request_error"), nullptr, "invalid_api_key");
        return;
    }
    if (listing) {
        json data = json::array();
        for (const QString &m : models())
            data.push_back({{"id", m.toStdString()}, {"object", "model"}, {"created", 1698785189}, {"owned_by", "system"}});
        respond(socket, request, 200, {{"object", "list"}, {"data", data}});
        return;
    }
    if (!request.headers.value("content-type").startsWith("application/json") || !request.json.is_object()) {
        error(socket, request, 400,
              QStringLiteral(
                  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your "
                  "HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON."),
              QStringLiteral("invalid_request_error"), nullptr, nullptr);
        return;
    }
    const QString model = request.json.contains("model") ? qs(request.json["model"]) : QStringLiteral("dall-e-2");
    if (!models().contains(model)) {
        error(socket, request, 404, QStringLiteral("The model `%1` does not exist or you do not have access to it.").arg(model),
              QStringLiteral("invalid_request_error"), nullptr, "model_not_found");
        return;
    }
    QString param;
    QString code;
    if (const QString problem = validate(request.json, &param, &code); !problem.isEmpty()) {
        error(socket, request, 400, problem, QStringLiteral("invalid_request_error"),
              param.isEmpty() ? json(nullptr) : json(param.toStdString()),
              code.isEmpty() ? json(nullptr) : json(code.toStdString()));
        return;
    }
    if (fault) {
        answerFault(socket, request, *fault, model);
        return;
    }
    answerPicture(socket, request);
}

QString OpenAiImageDouble::validate(const json &body, QString *param, QString *code) const
{
    static const char *const allowed[] = {
        "prompt",     "model",      "n",     "size", "quality",        "response_format", "output_format", "output_compression",
        "background", "moderation", "style", "user", "partial_images", "stream"};
    for (auto it = body.begin(); it != body.end(); ++it) {
        bool ok = false;
        for (const char *a : allowed)
            ok = ok || it.key() == a;
        if (!ok) {
            *param = QString::fromStdString(it.key());
            return QStringLiteral("Unrecognized request argument supplied: %1").arg(*param);
        }
    }
    const QString model = body.contains("model") ? qs(body["model"]) : QStringLiteral("dall-e-2");
    const bool gpt = isGptImage(model);
    if (!body.contains("prompt") || !body["prompt"].is_string() || qs(body["prompt"]).trimmed().isEmpty()) {
        *param = QStringLiteral("prompt");
        return QStringLiteral("Missing required parameter: 'prompt'.");
    }
    const int maxPrompt = gpt ? 32000 : model == QLatin1String("dall-e-3") ? 4000 : 1000;
    if (qs(body["prompt"]).size() > maxPrompt) {
        *param = QStringLiteral("prompt");
        *code = QStringLiteral("string_above_max_length");
        return QStringLiteral("Invalid 'prompt': string too long. Expected a string with maximum length %1.").arg(maxPrompt);
    }
    if (body.contains("n")) {
        const json &n = body["n"];
        const int maxN = model == QLatin1String("dall-e-3") ? 1 : 10;
        if (!n.is_number_integer() || n.get<int>() < 1 || n.get<int>() > maxN) {
            *param = QStringLiteral("n");
            return QStringLiteral("Invalid value for 'n': must be between 1 and %1.").arg(maxN);
        }
    }
    if (body.contains("size")) {
        const QString size = qs(body["size"]);
        const QStringList ok = sizes(model);
        bool valid = ok.isEmpty() ? size.contains(QLatin1Char('x')) || size == QLatin1String("auto") : ok.contains(size);
        if (!valid) {
            *param = QStringLiteral("size");
            *code = QStringLiteral("invalid_value");
            return QStringLiteral("Invalid value: '%1'. Supported values are: %2.").arg(size, supported(ok));
        }
    }
    if (body.contains("quality")) {
        const QStringList ok =
            gpt ? QStringList{QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"), QStringLiteral("auto")}
            : model == QLatin1String("dall-e-3") ? QStringList{QStringLiteral("standard"), QStringLiteral("hd")}
                                                 : QStringList{QStringLiteral("standard")};
        if (!ok.contains(qs(body["quality"]))) {
            *param = QStringLiteral("quality");
            *code = QStringLiteral("invalid_value");
            return QStringLiteral("Invalid value: '%1'. Supported values are: %2.").arg(qs(body["quality"]), supported(ok));
        }
    }
    if (body.contains("response_format")) {
        if (gpt) {
            *param = QStringLiteral("response_format");
            *code = QStringLiteral("unknown_parameter");
            return QStringLiteral("Unknown parameter: 'response_format'.");
        }
        const QString f = qs(body["response_format"]);
        if (f != QLatin1String("url") && f != QLatin1String("b64_json")) {
            *param = QStringLiteral("response_format");
            return QStringLiteral("Invalid value: '%1'. Supported values are: 'url' and 'b64_json'.").arg(f);
        }
    }
    for (const char *gptOnly : {"output_format", "output_compression", "background", "moderation"})
        if (body.contains(gptOnly) && !gpt) {
            *param = QString::fromLatin1(gptOnly);
            *code = QStringLiteral("unknown_parameter");
            return QStringLiteral("Unknown parameter: '%1'.").arg(*param);
        }
    return {};
}

void OpenAiImageDouble::answerFault(QTcpSocket *socket, Recorded &request, const Fault &fault, const QString &model)
{
    switch (fault.kind) {
    case Fault::Kind::Latency: break;
    case Fault::Kind::RateLimited: {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!fault.retryHint.isEmpty())
            headers.append({"Retry-After", fault.retryHint.toUtf8()});
        headers.append(qMakePair(QByteArray("x-ratelimit-limit-requests"), QByteArray("5")));
        headers.append(qMakePair(QByteArray("x-ratelimit-remaining-requests"), QByteArray("0")));
        error(socket, request, 429,
              QStringLiteral("Rate limit reached for %1 in organization org-test on images per minute (IPM): Limit 5, Used 5, "
                             "Requested 1. Please try again in 12s.")
                  .arg(model),
              QStringLiteral("requests"), nullptr, "rate_limit_exceeded", headers);
        return;
    }
    case Fault::Kind::Unavailable:
        error(socket, request, 503, QStringLiteral("The server is overloaded or not ready yet."), QStringLiteral("server_error"),
              nullptr, nullptr);
        return;
    case Fault::Kind::InternalError:
        error(socket, request, 500, QStringLiteral("The server had an error while processing your request. Sorry about that!"),
              QStringLiteral("server_error"), nullptr, nullptr);
        return;
    case Fault::Kind::Blocked:
        if (fault.reason == QLatin1String("moderation_blocked"))
            error(socket, request, 400,
                  QStringLiteral("Your request was rejected by the safety system. If you believe this is an error, contact us "
                                 "at help.openai.com and include the request ID req_test."),
                  QStringLiteral("image_generation_user_error"), nullptr, "moderation_blocked");
        else
            error(socket, request, 400,
                  QStringLiteral("Your request was rejected as a result of our safety system. Your prompt may contain text "
                                 "that is not allowed by our safety system."),
                  QStringLiteral("invalid_request_error"), nullptr, "content_policy_violation");
        return;
    case Fault::Kind::MalformedBody:
        respondRaw(socket, request, 200, "{\"created\": 1700000000, \"data\": [{\"b64_json\": \"iVBORw0KGgo", "application/json");
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
        respond(socket, request, 200,
                {{"created", QDateTime::currentSecsSinceEpoch()},
                 {"data", json::array({{{"b64_json", bytes.toBase64().toStdString()}}})}});
        return;
    }
    case Fault::Kind::DropConnection: drop(socket, request); return;
    }
}

void OpenAiImageDouble::answerPicture(QTcpSocket *socket, Recorded &request)
{
    const json &body = request.json;
    const QString model = body.contains("model") ? qs(body["model"]) : QStringLiteral("dall-e-2");
    const bool gpt = isGptImage(model);
    QString size = body.contains("size") ? qs(body["size"]) : QStringLiteral("auto");
    if (size == QLatin1String("auto"))
        size = QStringLiteral("1024x1024");
    const QSize pixels(std::max(1, size.section(QLatin1Char('x'), 0, 0).toInt() / 16),
                       std::max(1, size.section(QLatin1Char('x'), 1, 1).toInt() / 16));
    const QString prompt = qs(body["prompt"]);
    const QByteArray picture = png(colorFor(prompt), pixels);
    const int n = body.contains("n") ? body["n"].get<int>() : 1;
    const bool asUrl = !gpt && (answerWithLinks() || !body.contains("response_format") || body["response_format"] == "url");
    json data = json::array();
    for (int i = 0; i < n; ++i) {
        json item;
        if (asUrl) {
            const QString name = QStringLiteral("%1.png").arg(QRandomGenerator::global()->generate64(), 0, 16);
            m_files.insert(name, picture);
            item["url"] = QString(url().toString() + QStringLiteral("/files/") + name).toStdString();
        } else {
            item["b64_json"] = picture.toBase64().toStdString();
            request.picture = true;
        }
        if (model == QLatin1String("dall-e-3"))
            item["revised_prompt"] = "A detailed illustration: " + prompt.toStdString();
        data.push_back(item);
    }
    json answer = {{"created", QDateTime::currentSecsSinceEpoch()}, {"data", data}};
    if (gpt) {
        answer["output_format"] = "png";
        answer["size"] = size.toStdString();
        answer["quality"] = body.contains("quality") ? body["quality"] : json("medium");
        answer["usage"] = {{"input_tokens", 50},
                           {"output_tokens", 1056},
                           {"total_tokens", 1106},
                           {"input_tokens_details", {{"text_tokens", 50}, {"image_tokens", 0}}}};
    }
    respond(socket, request, 200, answer);
}

} // namespace diy::test
