#pragma once

#include "GatewayConfig.h"

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

namespace diy::test {

/// The gateway's rules for a POST /inference body (docs/tensorzero-api.md): fields and their
/// types, exactly one target, block forms, template arguments against the function's schemas,
/// params (json_mode values), images whose bytes match their mime_type, and the object-storage
/// rule (file blocks without [object_storage] are a 500).
class InferenceRequestCheck {
public:
    /// Empty when the body is acceptable; otherwise the gateway's error and `*status` (400, 404, 500).
    static QString check(const nlohmann::json &body, const GatewayConfig &config, int *status);
    /// The image type the bytes start with ("image/png", "image/jpeg", …); empty when unknown.
    static QString sniffMimeType(const QByteArray &bytes);

private:
    static QString checkInput(const nlohmann::json &input, const GatewayConfig::Function *fn, bool *carriesFiles);
};

} // namespace diy::test
