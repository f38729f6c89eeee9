#include "net/HttpResponse.h"

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
    nlohmann::json parsed = nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (parsed.is_discarded())
        return std::nullopt;
    return parsed;
}

} // namespace diy
