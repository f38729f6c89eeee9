#pragma once

#include <QString>
#include <QStringList>

#include <memory>

class QNetworkAccessManager;

namespace diy {

class ApiKeyStore;
class ImageGenerator;

/// The AI picture providers by id, for a run's ProviderSet.
class ImageGenerators {
public:
    /// "gemini", "openai".
    static QStringList ids();
    /// The generator for `id` with its options from the environment (DIY_GEMINI_URL,
    /// OPENAI_BASE_URL …); nullptr for "cards" or an unknown id.
    static std::shared_ptr<ImageGenerator> make(const QString &id, QNetworkAccessManager *network, ApiKeyStore *keys);
};

} // namespace diy
