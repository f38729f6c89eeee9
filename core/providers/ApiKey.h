#pragma once

#include <QString>

namespace diy {

/// A provider's API key as read by ApiKeyStore. Never logged, never written to settings or
/// projects; the value is registered with the log's redaction as soon as it is read.
struct ApiKey {
    enum class Source { Environment, Keychain };

    QString name; ///< "GEMINI_API_KEY", "OPENAI_API_KEY": the variable and the keychain entry
    QString value;
    Source source = Source::Environment;
};

} // namespace diy
