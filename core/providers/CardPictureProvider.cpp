#include "providers/CardPictureProvider.h"

#include "media/CardRenderer.h"
#include "providers/FramePaintJob.h"
#include "providers/FrameSpec.h"

namespace diy {

ProviderInfo CardPictureProvider::info() const
{
    ProviderInfo info;
    info.id = QStringLiteral("card");
    info.displayName = QStringLiteral("Designed cards");
    return info;
}

QString CardPictureProvider::engineVersion() const
{
    return QStringLiteral("card-%1").arg(CardRenderer::engineVersion());
}

QImage CardPictureProvider::paint(const FrameSpec &spec)
{
    return CardRenderer(spec.size).render(spec.card);
}

Job *CardPictureProvider::makeFrame(const FrameSpec &spec, QObject *parent) const
{
    return new FramePaintJob(
        m_pool, [spec]() -> Result<QImage> { return paint(spec); }, spec.outputPath, spec.label, parent);
}

} // namespace diy
