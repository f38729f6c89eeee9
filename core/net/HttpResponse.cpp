#include "net/HttpResponse.h"

#include "util/JsonParser.h"

namespace diy {

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

std::optional<nlohmann::json> HttpResponse::jsonBody() const
{
    // The size is bounded by HttpRequest::maxResponseBytes; JsonParser bounds the depth.
    Result<nlohmann::json> parsed = JsonParser::parse(body, QStringLiteral("The answer"), {qint64(body.size()), kMaxJsonDepth});
    if (!parsed)
        return std::nullopt;
    return std::move(parsed).value();
}

} // namespace diy
