#include "providers/ImageGenerators.h"

#include "providers/GeminiImageGenerator.h"
#include "providers/OpenAiImageGenerator.h"

namespace diy {

QStringList ImageGenerators::ids()
{
    return {QString::fromLatin1(GeminiImageGenerator::kId), QString::fromLatin1(OpenAiImageGenerator::kId)};
}

std::shared_ptr<ImageGenerator> ImageGenerators::make(const QString &id, QNetworkAccessManager *network, ApiKeyStore *keys)
{
    if (id == QLatin1String(GeminiImageGenerator::kId))
        return std::make_shared<GeminiImageGenerator>(network, keys);
    if (id == QLatin1String(OpenAiImageGenerator::kId))
        return std::make_shared<OpenAiImageGenerator>(network, keys);
    return nullptr;
}

} // namespace diy
