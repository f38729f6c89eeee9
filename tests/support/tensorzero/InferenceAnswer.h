#pragma once

#include "GatewayConfig.h"

#include <QString>

#include <nlohmann/json.hpp>

namespace diy::test {

/// What the gateway double's "model" answers for a valid JSON-function inference: the fixture
/// tests/data/tensorzero/<function>/<variant>.json (or output.json), shaped by the request where
/// the real model's answer would depend on it — as many steps as `expected_steps`, one prompt per
/// scene asked for, no redo for a scene the judge did not see — then validated against the
/// output schema like the gateway does (invalid: parsed null, raw kept). A fixture named
/// <variant>.verbatim.json or output.verbatim.json is answered as it is, unshaped (a model that
/// ignores the request), for tests of the studio's own checks of an answer.
class InferenceAnswer {
public:
    struct Output {
        nlohmann::json raw;    ///< the model's text (a JSON string), or null
        nlohmann::json parsed; ///< null when invalid
        nlohmann::json usage;  ///< input/output tokens; cost only when the model has cost tables
        bool found = false;    ///< false: no fixture for the function
    };

    static Output build(const nlohmann::json &request, const GatewayConfig &config, const QString &fixtureDir,
                        const QString &function, const QString &variant);
    /// The template arguments of the first user message (null when there are none).
    static nlohmann::json userArguments(const nlohmann::json &request);
};

} // namespace diy::test
