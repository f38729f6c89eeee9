#include "providers/EspeakVoiceProvider.h"

#include "media/MediaTools.h"
#include "media/NarrationJob.h"

namespace diy {

ProviderInfo EspeakVoiceProvider::info() const
{
    ProviderInfo info;
    info.id = QStringLiteral("espeak");
    info.displayName = QStringLiteral("Built-in voice (espeak-ng)");
    return info;
}

QString EspeakVoiceProvider::engineVersion() const
{
    return MediaTools::engineVersion();
}

QString EspeakVoiceProvider::defaultVoice() const
{
    return QStringLiteral("en-us");
}

NarrationJob *EspeakVoiceProvider::makeNarration(const NarrationSpec &spec, QObject *parent) const
{
    return new NarrationJob(spec, parent);
}

} // namespace diy
