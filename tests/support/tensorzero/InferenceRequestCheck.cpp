#include "InferenceRequestCheck.h"

#include "GatewayDouble.h"

#include <QStringList>

namespace diy::test {

namespace {

using json = nlohmann::json;

QString keysNotIn(const json &object, std::initializer_list<const char *> allowed)
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

QString qs(const json &j)
{
    return j.is_string() ? QString::fromStdString(j.get<std::string>()) : QString();
}

} // namespace

QString InferenceRequestCheck::sniffMimeType(const QByteArray &bytes)
{
    if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("image/png");
    if (bytes.startsWith("\xff\xd8\xff"))
        return QStringLiteral("image/jpeg");
    if (bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        return QStringLiteral("image/webp");
    if (bytes.startsWith("GIF87a") || bytes.startsWith("GIF89a"))
        return QStringLiteral("image/gif");
    return {};
}

QString InferenceRequestCheck::checkInput(const json &input, const GatewayConfig::Function *fn, bool *carriesFiles)
{
    if (!input.is_object())
        return QStringLiteral("`input` must be an object");
    if (const QString bad = keysNotIn(input, {"system", "messages"}); !bad.isEmpty())
        return QStringLiteral("unknown field `%1` in input").arg(bad);
    if (input.contains("system")) {
        const json &system = input["system"];
        if (system.is_object()) {
            if (!fn || !fn->systemSchema)
                return QStringLiteral("system template arguments given, but the function has no system_schema");
            if (const QString problem = fn->systemSchema->validate(system); !problem.isEmpty())
                return QStringLiteral("system arguments do not match the system schema: %1").arg(problem);
        } else if (!system.is_string()) {
            return QStringLiteral("`input.system` must be a string or an object");
        } else if (fn && fn->systemSchema) {
            return QStringLiteral("the function has a system_schema; send template arguments, not text");
        }
    } else if (fn && fn->systemSchema) {
        return QStringLiteral("the function has a system_schema but no system arguments were sent");
    }
    if (!input.contains("messages") || !input["messages"].is_array())
        return QStringLiteral("`input.messages` must be an array");
    bool userArgumentsSeen = false;
    for (const json &message : input["messages"]) {
        if (!message.is_object())
            return QStringLiteral("a message must be an object");
        if (const QString bad = keysNotIn(message, {"role", "content"}); !bad.isEmpty())
            return QStringLiteral("unknown field `%1` in message").arg(bad);
        const QString role = qs(message.value("role", json()));
        if (role != QStringLiteral("user") && role != QStringLiteral("assistant"))
            return QStringLiteral("message role must be user or assistant");
        if (!message.contains("content"))
            return QStringLiteral("message without content");
        const json &content = message["content"];
        const std::shared_ptr<JsonSchemaCheck> schema = !fn ? nullptr : role == QStringLiteral("user") ? fn->userSchema : nullptr;
        if (content.is_string()) {
            if (schema)
                return QStringLiteral("the function has a %1_schema; send template arguments, not text").arg(role);
            continue;
        }
        if (!content.is_array())
            return QStringLiteral("message content must be a string or an array of blocks");
        for (const json &block : content) {
            if (!block.is_object() || !block.contains("type") || !block["type"].is_string())
                return QStringLiteral("a content block needs a `type`");
            const std::string type = block["type"].get<std::string>();
            if (type == "text") {
                if (block.contains("value"))
                    return QStringLiteral(
                        "the `{\"type\":\"text\",\"value\":…}` form is no longer supported; use `arguments` or `text`");
                if (const QString bad = keysNotIn(block, {"type", "text", "arguments"}); !bad.isEmpty())
                    return QStringLiteral("unknown field `%1` in text block").arg(bad);
                if (block.contains("text") == block.contains("arguments"))
                    return QStringLiteral("a text block has exactly one of `text` or `arguments`");
                if (block.contains("text")) {
                    if (!block["text"].is_string())
                        return QStringLiteral("`text` must be a string");
                    if (schema)
                        return QStringLiteral("the function has a %1_schema; send template arguments, not text").arg(role);
                } else {
                    if (!block["arguments"].is_object())
                        return QStringLiteral("`arguments` must be an object");
                    if (!schema)
                        return QStringLiteral("template arguments given, but the function has no %1_schema").arg(role);
                    if (const QString problem = schema->validate(block["arguments"]); !problem.isEmpty())
                        return QStringLiteral("%1 arguments do not match the %1 schema: %2").arg(role, problem);
                    if (role == QStringLiteral("user"))
                        userArgumentsSeen = true;
                }
            } else if (type == "raw_text") {
                if (const QString bad = keysNotIn(block, {"type", "value"});
                    !bad.isEmpty() || !block.contains("value") || !block["value"].is_string())
                    return QStringLiteral("a raw_text block is {type, value: string}");
            } else if (type == "template") {
                if (const QString bad = keysNotIn(block, {"type", "name", "arguments"}); !bad.isEmpty())
                    return QStringLiteral("unknown field `%1` in template block").arg(bad);
                return QStringLiteral("named templates are not configured for this function");
            } else if (type == "file") {
                const std::string fileType = block.value("file_type", std::string());
                if (fileType == "base64") {
                    if (const QString bad = keysNotIn(block, {"type", "file_type", "mime_type", "data"}); !bad.isEmpty())
                        return QStringLiteral("unknown field `%1` in file block").arg(bad);
                    if (!block.contains("mime_type") || !block["mime_type"].is_string() || !block.contains("data")
                        || !block["data"].is_string())
                        return QStringLiteral("a base64 file block needs mime_type and data");
                    const auto decoded = QByteArray::fromBase64Encoding(
                        QByteArray::fromStdString(block["data"].get<std::string>()), QByteArray::AbortOnBase64DecodingErrors);
                    if (!decoded)
                        return QStringLiteral("file data is not valid base64");
                    const QString mime = qs(block["mime_type"]);
                    const QString actual = sniffMimeType(*decoded);
                    if (mime.startsWith(QStringLiteral("image/")) && actual != mime)
                        return QStringLiteral("mime_type `%1` does not match the file's content (%2)")
                            .arg(mime, actual.isEmpty() ? QStringLiteral("not a known image format") : actual);
                    *carriesFiles = true;
                } else if (fileType == "url") {
                    if (const QString bad = keysNotIn(block, {"type", "file_type", "url"});
                        !bad.isEmpty() || !block.contains("url"))
                        return QStringLiteral("a url file block is {type, file_type, url}");
                    *carriesFiles = true;
                } else {
                    return QStringLiteral("file_type must be base64 or url");
                }
            } else {
                return QStringLiteral("unknown content block type `%1`").arg(QString::fromStdString(type));
            }
        }
    }
    if (fn && fn->userSchema && !userArgumentsSeen)
        return QStringLiteral("the function has a user_schema but no user template arguments were sent");
    return {};
}

QString InferenceRequestCheck::check(const json &body, const GatewayConfig &config, int *status)
{
    *status = 400;
    if (!body.is_object())
        return QStringLiteral("the body must be a JSON object");
    if (const QString bad = keysNotIn(body, {"function_name", "model_name", "input", "episode_id", "variant_name", "params",
                                             "dryrun", "tags", "cache_options", "credentials", "output_schema", "stream"});
        !bad.isEmpty())
        return QStringLiteral("unknown field `%1`").arg(bad);
    if (body.contains("function_name") == body.contains("model_name"))
        return QStringLiteral("exactly one of function_name or model_name is required");
    for (const char *key : {"function_name", "model_name", "variant_name"})
        if (body.contains(key) && !body[key].is_string())
            return QStringLiteral("invalid type: `%1` must be a string").arg(QString::fromLatin1(key));
    if (body.contains("stream") && !body["stream"].is_boolean())
        return QStringLiteral("`stream` must be a boolean");
    if (body.value("stream", false))
        return QStringLiteral("the double does not stream");
    if (body.contains("dryrun") && !body["dryrun"].is_boolean())
        return QStringLiteral("`dryrun` must be a boolean");
    if (body.contains("episode_id")) {
        if (!body["episode_id"].is_string())
            return QStringLiteral("`episode_id` must be a string");
        if (const QString problem = GatewayDouble::checkUuidV7(qs(body["episode_id"])); !problem.isEmpty())
            return QStringLiteral("invalid episode_id: %1").arg(problem);
    }
    if (body.contains("tags")) {
        if (!body["tags"].is_object())
            return QStringLiteral("`tags` must be an object of strings");
        for (auto it = body["tags"].begin(); it != body["tags"].end(); ++it) {
            if (!it->is_string())
                return QStringLiteral("tag `%1` must be a string").arg(QString::fromStdString(it.key()));
            if (it.key().rfind("tensorzero::", 0) == 0)
                return QStringLiteral("tag keys starting with `tensorzero::` are reserved");
        }
    }
    if (body.contains("params")) {
        const json &params = body["params"];
        if (!params.is_object())
            return QStringLiteral("`params` must be an object");
        if (const QString bad = keysNotIn(params, {"chat_completion"}); !bad.isEmpty())
            return QStringLiteral("unknown field `%1` in params (did you forget `chat_completion`?)").arg(bad);
        if (params.contains("chat_completion")) {
            const json &chat = params["chat_completion"];
            if (!chat.is_object())
                return QStringLiteral("`params.chat_completion` must be an object");
            if (const QString bad = keysNotIn(chat, {"temperature", "max_tokens", "seed", "top_p", "presence_penalty",
                                                     "frequency_penalty", "json_mode", "stop_sequences"});
                !bad.isEmpty())
                return QStringLiteral("unknown field `%1` in params.chat_completion").arg(bad);
            if (chat.contains("temperature") && !chat["temperature"].is_number())
                return QStringLiteral("temperature must be a number");
            if (chat.contains("max_tokens") && !chat["max_tokens"].is_number_unsigned())
                return QStringLiteral("max_tokens must be a positive integer");
            if (chat.contains("json_mode")
                && (!chat["json_mode"].is_string()
                    || !QStringList{QStringLiteral("off"), QStringLiteral("on"), QStringLiteral("strict"), QStringLiteral("tool")}
                            .contains(qs(chat["json_mode"]))))
                return QStringLiteral("unknown variant for json_mode: %1 (expected off, on, strict or tool)")
                    .arg(QString::fromStdString(chat["json_mode"].dump()));
        }
    }
    if (body.contains("cache_options")) {
        const json &cache = body["cache_options"];
        if (!cache.is_object())
            return QStringLiteral("`cache_options` must be an object");
        if (const QString bad = keysNotIn(cache, {"enabled", "max_age_s"}); !bad.isEmpty())
            return QStringLiteral("unknown field `%1` in cache_options").arg(bad);
        const QString enabled = qs(cache.value("enabled", json("off")));
        if (!QStringList{QStringLiteral("on"), QStringLiteral("off"), QStringLiteral("read_only"), QStringLiteral("write_only")}
                 .contains(enabled))
            return QStringLiteral("cache_options.enabled must be on, off, read_only or write_only");
        if (cache.contains("max_age_s") && !cache["max_age_s"].is_null() && !cache["max_age_s"].is_number_unsigned())
            return QStringLiteral("cache_options.max_age_s must be a non-negative integer");
    }
    if (!body.contains("input"))
        return QStringLiteral("missing field `input`");
    const GatewayConfig::Function *fn = nullptr;
    if (body.contains("function_name")) {
        const auto it = config.functions.constFind(qs(body["function_name"]));
        if (it == config.functions.cend()) {
            *status = 404;
            return QStringLiteral("Unknown function: %1").arg(qs(body["function_name"]));
        }
        fn = &it.value();
        if (body.contains("variant_name") && !fn->variants.contains(qs(body["variant_name"]))) {
            *status = 404;
            return QStringLiteral("Unknown variant: %1").arg(qs(body["variant_name"]));
        }
    } else if (body.contains("variant_name")) {
        return QStringLiteral("variant_name needs function_name");
    }
    bool carriesFiles = false;
    if (const QString problem = checkInput(body["input"], fn, &carriesFiles); !problem.isEmpty())
        return problem;
    // The real gateway resolves file blocks through its object store (get_storage_kind), dry runs
    // included: without an [object_storage] section that is a 500, not a 400.
    if (carriesFiles && config.objectStorage.isEmpty()) {
        *status = 500;
        return QStringLiteral("Object storage is not configured");
    }
    return {};
}

} // namespace diy::test
