#include "images/SceneImageModel.h"

#include "common/ProjectDocument.h"
#include "images/ThumbnailCache.h"
#include "pipeline/PlanBuilder.h"
#include "pipeline/RenderPlan.h"
#include "providers/CardPictureProvider.h"
#include "providers/FrameSpec.h"
#include "providers/PhotoPictureProvider.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QImageReader>
#include <QMimeData>
#include <QPainter>
#include <QUrl>

namespace diy::ui {

SceneImageModel::SceneImageModel(ProjectDocument *document, ThumbnailCache *cache, QObject *parent)
    : QAbstractListModel(parent), m_document(document), m_cache(cache)
{
    m_rows = int(m_document->project().scenes().size());
    connect(m_document, &ProjectDocument::changed, this, &SceneImageModel::onDocumentChanged);
    connect(m_cache, &ThumbnailCache::imageReady, this, &SceneImageModel::onCacheImageReady);
}

void SceneImageModel::setThumbnailSize(QSize box)
{
    m_thumbBox = box;
    if (m_rows > 0)
        emit dataChanged(index(0), index(m_rows - 1), {Qt::DecorationRole});
}

QString SceneImageModel::pictureKey(int row, QSize box) const
{
    const Project &p = m_document->project();
    if (row < 0 || row >= p.scenes().size())
        return {};
    // The render plan's own spec of this scene's frame: the thumbnail shows what will be rendered
    // and changes exactly when the rendered frame would.
    return keyOf(RenderPlan::frameSpec(p, m_document->folder(), row, p.brief.format.size() / 3), box);
}

QString SceneImageModel::keyOf(const FrameSpec &spec, QSize box)
{
    return QStringLiteral("%1@%2x%3").arg(PlanBuilder::keyOf(RenderStage::Frames, spec)).arg(box.width()).arg(box.height());
}

QPixmap SceneImageModel::picture(int row, QSize box) const
{
    const Project &p = m_document->project();
    if (row < 0 || row >= p.scenes().size())
        return {};
    // Drawn at a third of the frame: the same layout, a fraction of the pixels. One spec for both
    // the cache key and the painting.
    const FrameSpec spec = RenderPlan::frameSpec(p, m_document->folder(), row, p.brief.format.size() / 3);
    ThumbnailCache::Producer producer = [spec, box] {
        const Result<QImage> full = spec.source == FrameSpec::Source::Card ? Result<QImage>(CardPictureProvider::paint(spec))
                                                                           : PhotoPictureProvider::paint(spec);
        return full ? full->scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation) : QImage();
    };
    return m_cache->image(keyOf(spec, box), producer);
}

int SceneImageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

QVariant SceneImageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Project &p = m_document->project();
    const QList<Scene> scenes = p.scenes();
    const int row = index.row();
    if (row >= scenes.size())
        return {};
    const SceneImage image = row < p.sceneImages.size() ? p.sceneImages.at(row) : SceneImage{};
    switch (role) {
    case Qt::DisplayRole: return QString(scenes.at(row).displayName() + (image.locked ? tr(" · locked") : QString()));
    case Qt::AccessibleTextRole: return scenes.at(row).displayName();
    case Qt::ToolTipRole: {
        const QString source = image.source == SceneImage::Source::Card ? tr("Card drawn from the script")
                               : image.source == SceneImage::Source::File
                                   ? tr("Your picture: %1").arg(image.originalName.isEmpty() ? image.file : image.originalName)
                                   : tr("Generated picture");
        return QStringLiteral("%1\n%2%3").arg(scenes.at(row).displayName(), source, image.locked ? tr("\nLocked") : QString());
    }
    case Qt::DecorationRole: {
        const QPixmap pixmap = picture(row, m_thumbBox);
        if (!pixmap.isNull())
            return pixmap;
        QSize frame = p.brief.format.size().scaled(m_thumbBox, Qt::KeepAspectRatio);
        QPixmap placeholder(frame);
        placeholder.fill(QColor(128, 128, 128, 60));
        return placeholder;
    }
    case LockedRole: return image.locked;
    case SourceRole: return SceneImage::sourceId(image.source);
    case SceneKeyRole: return scenes.at(row).key;
    case ThumbnailKeyRole: return pictureKey(row, m_thumbBox);
    default: return {};
    }
}

Qt::ItemFlags SceneImageModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled | Qt::ItemNeverHasChildren;
}

bool SceneImageModel::moveRows(const QModelIndex &, int, int, const QModelIndex &, int)
{
    // Pictures are not shifted along the scenes: reordering is swapping (swapPictures).
    return false;
}

bool SceneImageModel::canSwap(int a, int b, QString *why) const
{
    const Project &p = m_document->project();
    const QList<Scene> scenes = p.scenes();
    auto say = [why](const QString &text) {
        if (why)
            *why = text;
        return false;
    };
    if (a < 0 || b < 0 || a >= m_rows || b >= m_rows || a >= p.sceneImages.size() || b >= p.sceneImages.size())
        return say(QString());
    if (a == b)
        return say(tr("Drop it on another scene."));
    const SceneImage &first = p.sceneImages.at(a);
    const SceneImage &second = p.sceneImages.at(b);
    if (first.locked || second.locked)
        return say(tr("%1's picture is locked: unlock it to move it.").arg(scenes.value(first.locked ? a : b).displayName()));
    if (first.source == SceneImage::Source::Card && second.source == SceneImage::Source::Card)
        return say(tr("Both are cards drawn from their own scene's words, so swapping changes nothing. "
                      "Drag one of your photos instead, or drop a photo file here."));
    return true;
}

QString SceneImageModel::dropDescription(int from, int to) const
{
    QString why;
    if (!canSwap(from, to, &why))
        return why.isEmpty() ? QString() : tr("Cannot drop here: %1").arg(why);
    const QList<Scene> scenes = m_document->project().scenes();
    const SceneImage &moving = m_document->project().sceneImages.at(from);
    const SceneImage &other = m_document->project().sceneImages.at(to);
    const QString source = scenes.value(from).displayName();
    const QString target = scenes.value(to).displayName();
    if (other.source == SceneImage::Source::Card)
        return tr("Drop to show this picture in %1; %2 gets its card back.").arg(target, source);
    if (moving.source == SceneImage::Source::Card)
        return tr("Drop to move %1's picture to %2; %1 gets its card back.").arg(target, source);
    return tr("Drop to swap the pictures of %1 and %2.").arg(source, target);
}

bool SceneImageModel::swapPictures(int a, int b)
{
    if (!canSwap(a, b))
        return false;
    m_moving = true;
    m_document->edit(tr("Swap pictures"), ProjectDocument::ImagesAspect, [&](Project &p) { p.swapSceneImages(a, b); });
    m_moving = false;
    emit dataChanged(index(a), index(a));
    emit dataChanged(index(b), index(b));
    return true;
}

int SceneImageModel::draggedRow(const QMimeData *data)
{
    if (!data || !data->hasFormat(QString::fromLatin1(kMimeType)))
        return -1;
    bool ok = false;
    const int row = data->data(QString::fromLatin1(kMimeType)).toInt(&ok);
    return ok ? row : -1;
}

Qt::DropActions SceneImageModel::supportedDropActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

Qt::DropActions SceneImageModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList SceneImageModel::mimeTypes() const
{
    return {QString::fromLatin1(kMimeType), QStringLiteral("text/uri-list")};
}

QMimeData *SceneImageModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(kMimeType), QByteArray::number(indexes.first().row()));
    return mime;
}

bool SceneImageModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int row, int, const QModelIndex &parent) const
{
    if (!data)
        return false;
    // Both kinds of drop land on one scene.
    const int target = parent.isValid() ? parent.row() : -1;
    if (data->hasFormat(QString::fromLatin1(kMimeType)))
        return target >= 0 && canSwap(draggedRow(data), target);
    return data->hasUrls() && (target >= 0 || (row >= 0 && row < m_rows));
}

bool SceneImageModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    if (data->hasFormat(QString::fromLatin1(kMimeType))) {
        swapPictures(draggedRow(data), parent.row());
        return false; // swapped already: the view must not remove the source row
    }
    const int target = parent.isValid() ? parent.row() : row;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile()) {
            emit replaceRequested(target, url.toLocalFile());
            break;
        }
    }
    return false;
}

void SceneImageModel::onDocumentChanged(int aspects)
{
    if (m_moving || !(aspects & (ProjectDocument::ImagesAspect | ProjectDocument::ScriptAspect | ProjectDocument::BriefAspect)))
        return;
    const int rows = int(m_document->project().scenes().size());
    if (rows != m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    } else if (rows > 0) {
        emit dataChanged(index(0), index(rows - 1));
    }
}

void SceneImageModel::onCacheImageReady(const QString &key)
{
    for (int row = 0; row < m_rows; ++row)
        if (pictureKey(row, m_thumbBox) == key)
            emit dataChanged(index(row), index(row), {Qt::DecorationRole});
}

} // namespace diy::ui
