#include "media/CardRenderer.h"

#include "media/CardLayout.h"
#include "media/CardPainter.h"

namespace diy {

CardRenderer::CardRenderer(QSize frame) : m_frame(frame) {}

int CardRenderer::engineVersion()
{
    // 2: 9:16 cards use the whole frame (sheet, caption band, footer); every material is listed.
    return 2;
}

QImage CardRenderer::render(const CardContent &content) const
{
    QImage image(m_frame.isEmpty() ? QSize(2, 2) : m_frame, QImage::Format_RGB32);
    image.fill(m_plainBackground.isValid() ? m_plainBackground : CardPainter::kPaperTop);
    {
        CardPainter painter(image, m_plainBackground);
        CardLayout(painter).paint(content);
    }
    return image;
}

} // namespace diy
