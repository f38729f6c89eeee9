#include "media/CardRenderer.h"

namespace diy {

CardRenderer::CardRenderer(QSize frame) : m_frame(frame) {}

int CardRenderer::engineVersion()
{
    return 1;
}

QImage CardRenderer::render(const CardContent &) const
{
    QImage image(m_frame, QImage::Format_RGB32);
    image.fill(Qt::white);
    return image;
}

} // namespace diy
