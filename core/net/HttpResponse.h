#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

#include <nlohmann/json.hpp>

#include <optional>

namespace diy {

/// A complete HTTP answer (any status). Transport failures are an Error instead.
struct HttpResponse {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int attempts = 1; ///< how many requests it took

    bool isSuccess() const { return status >= 200 && status < 300; }
    /// Case-insensitive header lookup; empty when absent.
    QByteArray header(const QByteArray &name) const;
    /// The body as JSON, or nothing when it is not valid JSON.
    static constexpr int kMaxJsonDepth = 64;
    /// The body as JSON (bounded depth, see JsonParser); nothing when it is not valid JSON.
    std::optional<nlohmann::json> jsonBody() const;
};

} // namespace diy
