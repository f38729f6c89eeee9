#include "providers/ImagePriceTable.h"

#include <iterator>

namespace diy {

namespace {

struct Price {
    const char *provider;
    const char *model;   ///< exact id; "-preview" ids are matched by their base id
    const char *size;    ///< empty: any size
    const char *quality; ///< empty: any quality
    double usd;
};

// Gemini: providers-api.md §1 (2.5-flash-image $30/1M output tokens × 1290 tokens; 3-pro-image
// 1K/2K; 3.1-flash-image 1K, third-party figure). OpenAI: list prices per image of
// openai.com/api/pricing (gpt-image-1 at the quality the generator asks for, dall-e-3 standard).
constexpr Price kPrices[] = {
    {"gemini", "gemini-2.5-flash-image", "", "", 0.039},
    {"gemini", "gemini-3-pro-image", "", "", 0.134},
    {"gemini", "nano-banana-pro", "", "", 0.134},
    {"gemini", "gemini-3.1-flash-image", "", "", 0.067},
    {"openai", "gpt-image-1", "1024x1024", "low", 0.011},
    {"openai", "gpt-image-1", "1024x1536", "low", 0.016},
    {"openai", "gpt-image-1", "1536x1024", "low", 0.016},
    {"openai", "gpt-image-1", "1024x1024", "medium", 0.042},
    {"openai", "gpt-image-1", "1024x1536", "medium", 0.063},
    {"openai", "gpt-image-1", "1536x1024", "medium", 0.063},
    {"openai", "gpt-image-1", "1024x1024", "high", 0.167},
    {"openai", "gpt-image-1", "1024x1536", "high", 0.25},
    {"openai", "gpt-image-1", "1536x1024", "high", 0.25},
    {"openai", "dall-e-3", "1024x1024", "", 0.04},
    {"openai", "dall-e-3", "1024x1792", "", 0.08},
    {"openai", "dall-e-3", "1792x1024", "", 0.08},
    {"openai", "dall-e-2", "1024x1024", "", 0.02},
    {"openai", "dall-e-2", "512x512", "", 0.018},
    {"openai", "dall-e-2", "256x256", "", 0.016},
};

bool matches(const char *entry, const QString &value)
{
    return *entry == '\0' || value.isEmpty() || value == QLatin1String(entry);
}

} // namespace

std::optional<double> ImagePriceTable::perPicture(const QString &provider, const QString &model, const QString &size,
                                                  const QString &quality)
{
    QString base = model;
    if (base.endsWith(QLatin1String("-preview")))
        base.chop(8);
    for (const Price &p : kPrices) {
        if (provider == QLatin1String(p.provider) && base == QLatin1String(p.model) && matches(p.size, size)
            && matches(p.quality, quality))
            return p.usd;
    }
    return std::nullopt;
}

} // namespace diy
