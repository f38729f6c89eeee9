#include "common/Icons.h"

#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

static void initStudioResources()
{
    Q_INIT_RESOURCE(studio);
}

namespace diy::ui {

namespace {

QByteArray svgSource(const QString &name)
{
    static QHash<QString, QByteArray> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        QFile file(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
        it = cache.insert(name, file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray());
    }
    return *it;
}

/// Renders the SVG in the palette's text colour for the requested mode.
class PaletteIconEngine : public QIconEngine {
public:
    explicit PaletteIconEngine(QString name) : m_name(std::move(name)) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        painter->drawPixmap(rect, pixmap(rect.size() * painter->device()->devicePixelRatioF(), mode, state));
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override
    {
        const QPalette palette = QGuiApplication::palette();
        QColor color = palette.color(QPalette::Active, QPalette::WindowText);
        if (mode == QIcon::Disabled)
            color = palette.color(QPalette::Disabled, QPalette::WindowText);
        else if (mode == QIcon::Selected)
            color = palette.color(QPalette::Active, QPalette::HighlightedText);
        const QString key =
            QStringLiteral("diyicon-%1-%2x%3-%4").arg(m_name).arg(size.width()).arg(size.height()).arg(color.name());
        QPixmap result;
        if (QPixmapCache::find(key, &result))
            return result;
        QByteArray svg = svgSource(m_name);
        svg.replace("currentColor", color.name().toLatin1());
        QSvgRenderer renderer(svg);
        result = QPixmap(size);
        result.fill(Qt::transparent);
        QPainter p(&result);
        renderer.render(&p, QRectF(QPointF(0, 0), QSizeF(size)));
        p.end();
        QPixmapCache::insert(key, result);
        return result;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine *clone() const override { return new PaletteIconEngine(m_name); }
    QString key() const override { return QStringLiteral("diy-palette-svg"); }

private:
    QString m_name;
};

} // namespace

QIcon Icons::icon(const QString &name)
{
    return QIcon(new PaletteIconEngine(name));
}

void Icons::initResources()
{
    initStudioResources();
}

} // namespace diy::ui
