#include "images/ImagesPage.h"
#include "util/BackgroundPool.h"

#include "common/FileDialogs.h"
#include "common/Icons.h"
#include "common/InlineMessage.h"
#include "common/ProjectDocument.h"
#include "images/SceneImageGrid.h"
#include "images/SceneImageModel.h"
#include "images/ScenePromptPanel.h"
#include "images/ThumbnailCache.h"
#include "store/ProjectStore.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace diy::ui {

namespace {

struct ImportResult {
    Result<QString> file = Error::internal(QString());
    QString sha256;
};

} // namespace

ImagesPage::ImagesPage(ProjectDocument *document, ThumbnailCache *cache, QWidget *parent)
    : QWidget(parent), m_document(document), m_cache(cache), m_model(new SceneImageModel(document, cache, this)),
      m_message(new InlineMessage(this)), m_grid(new SceneImageGrid(this)), m_dropHint(new QLabel(this)),
      m_preview(new QLabel(this)), m_sceneName(new QLabel(this)), m_source(new QLabel(this)),
      m_replace(new QPushButton(Icons::icon(QStringLiteral("replace")), tr("&Replace…"), this)),
      m_regenerate(new QPushButton(Icons::icon(QStringLiteral("regenerate")), tr("Re&generate card"), this)),
      m_lock(new QPushButton(Icons::icon(QStringLiteral("lock")), tr("&Lock"), this)), m_left(new QToolButton(this)),
      m_right(new QToolButton(this)), m_prompts(new ScenePromptPanel(document, this))
{
    setObjectName(QStringLiteral("imagesPage"));
    m_message->setObjectName(QStringLiteral("imagesMessage"));

    auto *heading = new QLabel(tr("Pictures"));
    heading->setObjectName(QStringLiteral("pageHeading"));
    QFont hf = heading->font();
    hf.setPointSizeF(hf.pointSizeF() * 1.5);
    hf.setBold(true);
    heading->setFont(hf);
    // The page's hint line also says, while something is dragged, what a drop will do (in the
    // same place, so nothing moves under the pointer).
    const QString pageHint = tr("One picture per scene. Drag a picture onto another scene to swap the two; drop a photo "
                                "from your file manager onto a scene to use it there.");
    m_dropHint->setText(pageHint);
    m_dropHint->setWordWrap(true);
    m_dropHint->setMinimumHeight(m_dropHint->fontMetrics().lineSpacing() * 2);
    m_dropHint->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_grid->setObjectName(QStringLiteral("imageGrid"));
    m_grid->setAccessibleName(tr("Scene pictures"));
    m_grid->setModel(m_model);
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setMovement(QListView::Static);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setWrapping(true);
    m_grid->setUniformItemSizes(true);
    m_grid->setSpacing(10);
    m_grid->setWordWrap(true);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setDragDropMode(QAbstractItemView::DragDrop);
    m_grid->setDefaultDropAction(Qt::MoveAction);
    m_grid->setDragEnabled(true);
    m_grid->setAcceptDrops(true);
    m_grid->viewport()->setAcceptDrops(true);
    m_grid->setDropIndicatorShown(true);
    m_grid->setToolTip(tr("Drag a picture onto another scene to swap the two"));
    m_dropHint->setObjectName(QStringLiteral("imageDropHint"));
    connect(static_cast<SceneImageGrid *>(m_grid), &SceneImageGrid::dropHintChanged, this, [this, pageHint](const QString &text) {
        m_dropHint->setText(text.isEmpty() ? pageHint : QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()));
    });

    m_preview->setObjectName(QStringLiteral("imagePreview"));
    m_preview->setAccessibleName(tr("Large preview"));
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setMinimumSize(280, 280);
    m_preview->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_sceneName->setObjectName(QStringLiteral("imageSceneName"));
    QFont nf = m_sceneName->font();
    nf.setBold(true);
    m_sceneName->setFont(nf);
    m_source->setObjectName(QStringLiteral("imageSourceLabel"));
    m_source->setWordWrap(true);

    m_replace->setObjectName(QStringLiteral("replaceImageButton"));
    m_replace->setToolTip(tr("Use your own photo for this scene (Ctrl+R)"));
    m_replace->setAccessibleName(tr("Replace picture"));
    m_replace->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_regenerate->setObjectName(QStringLiteral("regenerateCardButton"));
    m_regenerate->setToolTip(tr("Draw this scene's card again from the script (replaces your photo)"));
    m_regenerate->setAccessibleName(tr("Regenerate card"));
    m_lock->setObjectName(QStringLiteral("lockImageButton"));
    m_lock->setCheckable(true);
    m_lock->setToolTip(tr("A locked picture is never replaced or regenerated (Ctrl+L)"));
    m_lock->setAccessibleName(tr("Lock picture"));
    m_lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_left->setObjectName(QStringLiteral("moveImageLeftButton"));
    m_left->setIcon(Icons::icon(QStringLiteral("left")));
    m_left->setText(tr("Swap with previous"));
    m_left->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_left->setToolTip(tr("Swap this picture with the previous scene's (Alt+Left)"));
    m_left->setAccessibleName(tr("Swap with the previous scene"));
    m_left->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_right->setObjectName(QStringLiteral("moveImageRightButton"));
    m_right->setIcon(Icons::icon(QStringLiteral("right")));
    m_right->setText(tr("Swap with next"));
    m_right->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_right->setToolTip(tr("Swap this picture with the next scene's (Alt+Right)"));
    m_right->setAccessibleName(tr("Swap with the next scene"));
    m_right->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(12, 0, 0, 0);
    sideLayout->addWidget(m_preview, 1);
    sideLayout->addWidget(m_sceneName);
    sideLayout->addWidget(m_source);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_left);
    buttons->addWidget(m_right);
    buttons->addStretch();
    buttons->addWidget(m_lock);
    sideLayout->addLayout(buttons);
    auto *buttons2 = new QHBoxLayout;
    buttons2->addWidget(m_replace);
    buttons2->addWidget(m_regenerate);
    buttons2->addStretch();
    sideLayout->addLayout(buttons2);
    sideLayout->addWidget(m_prompts);
    connect(m_prompts, &ScenePromptPanel::regenerateRequested, this, &ImagesPage::aiRegenerateRequested);
    connect(m_prompts, &ScenePromptPanel::photoRequested, this, [this](int row) {
        selectRow(row);
        m_replace->click();
    });

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("imagesSplitter"));
    splitter->addWidget(m_grid);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(heading);
    layout->addWidget(m_dropHint);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] { refreshDetails(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0 && !m_grid->currentIndex().isValid())
            m_grid->setCurrentIndex(m_model->index(0));
        refreshDetails();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] { refreshDetails(); });
    connect(m_model, &SceneImageModel::replaceRequested, this, &ImagesPage::replaceImage);
    connect(m_cache, &ThumbnailCache::imageReady, this, [this] { refreshPreview(); });
    connect(m_replace, &QPushButton::clicked, this, [this] {
        const int row = currentRow();
        if (row < 0)
            return;
        FileDialogs::openFile(this, QStringLiteral("replace-image"), tr("Choose a picture"),
                              tr("Images (*.png *.jpg *.jpeg *.webp *.bmp)"), this,
                              [this, row](const QString &path) { replaceImage(row, path); });
    });
    connect(m_regenerate, &QPushButton::clicked, this, [this] {
        const int row = currentRow();
        if (row < 0)
            return;
        const QString key = m_model->pictureKey(row, m_model->thumbnailSize());
        m_cache->invalidate(key);
        m_cache->invalidate(m_model->pictureKey(row, m_preview->size()));
        m_document->edit(tr("Regenerate card"), ProjectDocument::ImagesAspect, [row](Project &p) {
            if (row < p.sceneImages.size()) {
                p.sceneImages[row] = SceneImage{};
            }
        });
        refreshDetails();
        m_message->showMessage(InlineMessage::Level::Info, tr("The card for this scene is drawn again from the script."));
    });
    connect(m_lock, &QPushButton::toggled, this, [this](bool locked) {
        const int row = currentRow();
        if (row < 0)
            return;
        m_document->edit(locked ? tr("Lock picture") : tr("Unlock picture"), ProjectDocument::ImagesAspect, [&](Project &p) {
            if (row < p.sceneImages.size())
                p.sceneImages[row].locked = locked;
        });
    });
    connect(m_left, &QToolButton::clicked, this, [this] {
        const int row = currentRow();
        QString why;
        if (row > 0 && !m_model->canSwap(row, row - 1, &why))
            m_message->showMessage(InlineMessage::Level::Info, why);
        else if (row > 0 && m_model->swapPictures(row, row - 1))
            selectRow(row - 1);
    });
    connect(m_right, &QToolButton::clicked, this, [this] {
        const int row = currentRow();
        QString why;
        if (row >= 0 && row + 1 < m_model->rowCount() && !m_model->canSwap(row, row + 1, &why))
            m_message->showMessage(InlineMessage::Level::Info, why);
        else if (row >= 0 && row + 1 < m_model->rowCount() && m_model->swapPictures(row, row + 1))
            selectRow(row + 1);
    });
    connect(m_document, &ProjectDocument::changed, this, &ImagesPage::onDocumentChanged);
    onDocumentChanged(ProjectDocument::AllAspects);
}

int ImagesPage::currentRow() const
{
    const QModelIndex current = m_grid->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void ImagesPage::selectRow(int row)
{
    if (row >= 0 && row < m_model->rowCount())
        m_grid->setCurrentIndex(m_model->index(row));
    refreshDetails();
}

void ImagesPage::replaceImage(int row, const QString &path)
{
    const Project &p = m_document->project();
    if (row < 0 || row >= p.sceneImages.size())
        return;
    if (p.sceneImages.at(row).locked) {
        m_message->showMessage(
            InlineMessage::Level::Warning,
            tr("%1's picture is locked. Unlock it first to replace it.").arg(p.scenes().value(row).displayName()));
        emit importFinished(false);
        return;
    }
    const QString folder = m_document->folder();
    const QString sceneKey = p.scenes().value(row).key;
    ++m_importing;
    auto *watcher = new QFutureWatcher<ImportResult>(this);
    connect(watcher, &QFutureWatcher<ImportResult>::finished, this, [this, watcher, path, sceneKey, row] {
        watcher->deleteLater();
        --m_importing;
        const ImportResult result = watcher->result();
        if (!result.file) {
            m_message->showMessage(InlineMessage::Level::Error,
                                   tr("%1 Nothing was changed; pick a PNG, JPEG or WebP picture.").arg(result.file.error().message),
                                   result.file.error().detail);
            emit importFinished(false);
            return;
        }
        // The creator may have reordered meanwhile: find the scene by its key.
        const QList<Scene> scenes = m_document->project().scenes();
        int target = row;
        for (int i = 0; i < scenes.size(); ++i)
            if (scenes.at(i).key == sceneKey)
                target = i;
        const QString name = QFileInfo(path).fileName();
        m_document->edit(tr("Replace picture"), ProjectDocument::ImagesAspect, [&](Project &proj) {
            if (target < proj.sceneImages.size()) {
                SceneImage &img = proj.sceneImages[target];
                img.source = SceneImage::Source::File;
                img.file = *result.file;
                img.sha256 = result.sha256;
                img.originalName = name;
            }
        });
        m_message->showMessage(InlineMessage::Level::Success,
                               tr("%1 now shows %2. Undo with Ctrl+Z.").arg(scenes.value(target).displayName(), name));
        emit importFinished(true);
    });
    watcher->setFuture(QtConcurrent::run(BackgroundPool::instance(), [folder, path] {
        ImportResult r;
        r.file = ProjectStore::importImage(folder, path, &r.sha256);
        return r;
    }));
}

void ImagesPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    refreshPreview();
}

void ImagesPage::onDocumentChanged(int aspects)
{
    setEnabled(m_document->isOpen());
    if (aspects & ProjectDocument::BriefAspect) {
        const QSize frame = m_document->project().brief.format.size();
        const QSize thumb = frame.scaled(QSize(150, 150), Qt::KeepAspectRatio);
        m_grid->setIconSize(thumb);
        m_grid->setGridSize(QSize(std::max(thumb.width(), 120) + 24, thumb.height() + 44));
        m_model->setThumbnailSize(thumb);
    }
    if (m_model->rowCount() > 0 && !m_grid->currentIndex().isValid())
        m_grid->setCurrentIndex(m_model->index(0));
    refreshDetails();
}

void ImagesPage::setPictureProblems(const QSet<int> &rows, const QString &message)
{
    m_prompts->setProblems(rows, message);
    if (!rows.isEmpty())
        selectRow(*std::min_element(rows.begin(), rows.end()));
}

void ImagesPage::refreshDetails()
{
    m_prompts->setRow(currentRow());
    const int row = currentRow();
    const Project &p = m_document->project();
    const bool has = row >= 0 && row < p.sceneImages.size();
    const SceneImage image = has ? p.sceneImages.at(row) : SceneImage{};
    m_sceneName->setText(has ? p.scenes().value(row).displayName() : QString());
    QString source;
    if (has) {
        switch (image.source) {
        case SceneImage::Source::Card: source = tr("A card drawn from the script."); break;
        case SceneImage::Source::File:
            source =
                tr("Your picture: %1").arg(image.originalName.isEmpty() ? QFileInfo(image.file).fileName() : image.originalName);
            break;
        case SceneImage::Source::Generated: source = tr("A generated picture."); break;
        }
        if (image.locked)
            source += QLatin1Char(' ') + tr("Locked.");
    }
    m_source->setText(source);
    m_replace->setEnabled(has && !image.locked);
    m_regenerate->setEnabled(has && !image.locked);
    m_lock->blockSignals(true);
    m_lock->setChecked(image.locked);
    m_lock->setText(image.locked ? tr("Un&lock") : tr("&Lock"));
    m_lock->setIcon(Icons::icon(image.locked ? QStringLiteral("unlock") : QStringLiteral("lock")));
    m_lock->blockSignals(false);
    m_lock->setEnabled(has);
    m_left->setEnabled(has && row > 0);
    m_right->setEnabled(has && row + 1 < p.sceneImages.size());
    refreshPreview();
}

void ImagesPage::refreshPreview()
{
    const int row = currentRow();
    if (row < 0) {
        m_preview->clear();
        return;
    }
    const QSize box = m_preview->size().boundedTo(QSize(1080, 1080)).expandedTo(QSize(120, 120));
    // Round the size so resizing does not start a decode for every pixel.
    const QSize bucket((box.width() / 80 + 1) * 80, (box.height() / 80 + 1) * 80);
    const QPixmap pixmap = m_model->picture(row, bucket);
    if (pixmap.isNull())
        return;
    m_preview->setPixmap(pixmap.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

} // namespace diy::ui
