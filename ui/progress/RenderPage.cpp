#include "progress/RenderPage.h"

#include "common/Icons.h"
#include "common/InlineMessage.h"
#include "common/ProjectDocument.h"
#include "progress/RenderController.h"
#include "progress/RenderStageModel.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace diy::ui {

RenderPage::RenderPage(ProjectDocument *document, RenderController *controller, QWidget *parent)
    : QWidget(parent), m_document(document), m_controller(controller), m_message(new InlineMessage(this)),
      m_start(new QPushButton(Icons::icon(QStringLiteral("render")), tr("&Render video"), this)),
      m_cancel(new QPushButton(Icons::icon(QStringLiteral("cancel")), tr("&Cancel"), this)),
      m_watch(new QPushButton(Icons::icon(QStringLiteral("watch")), tr("&Watch"), this)), m_bar(new QProgressBar(this)),
      m_timing(new QLabel(this)), m_current(new QLabel(this)), m_output(new QLabel(this)), m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("renderPage"));
    m_message->setObjectName(QStringLiteral("renderMessage"));
    auto *heading = new QLabel(tr("Render"));
    heading->setObjectName(QStringLiteral("pageHeading"));
    QFont hf = heading->font();
    hf.setPointSizeF(hf.pointSizeF() * 1.5);
    hf.setBold(true);
    heading->setFont(hf);
    auto *hint = new QLabel(tr("Cards, narration, captions and one segment per scene, merged into one MP4 — all on this "
                               "computer. Finished pieces are kept, so after an edit only what changed is redone."));
    hint->setWordWrap(true);

    m_start->setObjectName(QStringLiteral("startRenderButton"));
    m_start->setToolTip(tr("Render the video (Ctrl+Return)"));
    m_start->setAccessibleName(tr("Render video"));
    m_start->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("cancelRenderButton"));
    m_cancel->setToolTip(tr("Stop the render; finished pieces are kept (Esc)"));
    m_cancel->setAccessibleName(tr("Cancel render"));
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    m_watch->setObjectName(QStringLiteral("watchButton"));
    m_watch->setToolTip(tr("Open the finished video in the player"));
    m_watch->setAccessibleName(tr("Watch the video"));
    m_bar->setObjectName(QStringLiteral("renderProgressBar"));
    m_bar->setAccessibleName(tr("Render progress"));
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    m_bar->setFixedHeight(10);
    m_timing->setObjectName(QStringLiteral("renderTimingLabel"));
    m_current->setObjectName(QStringLiteral("renderCurrentLabel"));
    m_output->setObjectName(QStringLiteral("renderOutputLabel"));
    m_output->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_output->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("renderStageTable"));
    m_table->setAccessibleName(tr("Render stages"));
    m_table->setModel(m_controller->stageModel());
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(RenderStageModel::StageColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RenderStageModel::StateColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(RenderStageModel::ItemsColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RenderStageModel::TimeColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->verticalHeader()->setDefaultSectionSize(34);
    m_table->setMinimumHeight(34 * 5 + 34);
    m_table->setMaximumHeight(34 * 5 + 40);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    buttons->addWidget(m_watch);

    auto *timing = new QHBoxLayout;
    timing->addWidget(m_current, 1);
    timing->addWidget(m_timing);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(heading);
    layout->addWidget(hint);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    layout->addWidget(m_bar);
    layout->addLayout(timing);
    layout->addWidget(m_table);
    layout->addWidget(m_output);
    layout->addStretch();

    m_tick.setInterval(500);
    connect(&m_tick, &QTimer::timeout, this, &RenderPage::refresh);
    connect(m_start, &QPushButton::clicked, this, &RenderPage::startRequested);
    connect(m_cancel, &QPushButton::clicked, this, &RenderPage::cancelRequested);
    connect(m_watch, &QPushButton::clicked, this, &RenderPage::watchRequested);
    connect(m_controller, &RenderController::started, this, [this] {
        m_message->clear();
        m_tick.start();
        refresh();
    });
    connect(m_controller, &RenderController::stateChanged, this, &RenderPage::refresh);
    connect(m_controller, &RenderController::progressChanged, this, &RenderPage::refresh);
    connect(m_controller, &RenderController::finished, this, &RenderPage::onControllerFinished);
    connect(m_document, &ProjectDocument::changed, this, [this] { refresh(); });
    connect(m_document, &ProjectDocument::opened, this, [this] { m_message->clear(); });
    refresh();
}

void RenderPage::refresh()
{
    const bool open = m_document->isOpen();
    const bool running = m_controller->isRunning();
    const Project &p = m_document->project();
    m_start->setEnabled(open && !running && p.script.has_value());
    m_start->setToolTip(p.script ? tr("Render the video (Ctrl+Return)") : tr("Write or import a script first (Script page)"));
    m_cancel->setEnabled(running);
    const QString output = p.lastRender ? QDir(m_document->folder()).filePath(p.lastRender->output) : QString();
    const bool hasVideo = !output.isEmpty() && QFileInfo::exists(output);
    m_watch->setEnabled(hasVideo && !running);

    const StageState state = m_controller->state();
    m_bar->setValue(int((running ? m_controller->progress() : state == StageState::Done ? 1.0 : 0.0) * 1000));
    QString timing;
    if (running) {
        timing = tr("Elapsed %1").arg(formatDurationMs(m_controller->elapsedMs()));
        if (m_controller->etaMs() >= 0)
            timing += QStringLiteral(" · ") + tr("about %1 left").arg(formatDurationMs(m_controller->etaMs()));
        m_current->setText(m_controller->currentLabel().isEmpty() ? tr("Starting…") : m_controller->currentLabel());
    } else {
        if (m_controller->elapsedMs() >= 0)
            timing = tr("Last run took %1").arg(formatDurationMs(m_controller->elapsedMs()));
        switch (state) {
        case StageState::Done: m_current->setText(tr("The video is up to date.")); break;
        case StageState::Stale: m_current->setText(tr("Edits since the last render: render again to update the video.")); break;
        case StageState::Failed: m_current->setText(tr("The last render failed.")); break;
        case StageState::Cancelled: m_current->setText(tr("The last render was cancelled; finished pieces are kept.")); break;
        default: m_current->setText(open ? tr("Not rendered yet.") : QString()); break;
        }
    }
    m_timing->setText(timing);
    if (p.lastRender && hasVideo)
        m_output->setText(tr("Last video: %1 (%2)").arg(QDir::toNativeSeparators(output), formatDurationMs(p.lastRender->durationMs)));
    else
        m_output->clear();
    if (!running)
        m_tick.stop();
}

void RenderPage::onControllerFinished(const diy::Result<diy::RenderSummary> &result)
{
    m_tick.stop();
    if (result) {
        m_message->showMessage(InlineMessage::Level::Success,
                               tr("Rendered %1 scenes in %2 (%3 pieces reused, %4 made).")
                                   .arg(result->scenes)
                                   .arg(formatDurationMs(qint64(result->totalSeconds * 1000)))
                                   .arg(result->itemsReused)
                                   .arg(result->itemsMade));
    } else if (result.error().isCancelled()) {
        m_message->showMessage(InlineMessage::Level::Info, tr("Render cancelled. Finished pieces are kept; render again to continue."));
    } else {
        m_message->showError(result.error());
        auto *retry = m_message->addAction(tr("Try again"), QStringLiteral("retryRenderButton"));
        connect(retry, &QPushButton::clicked, this, &RenderPage::startRequested);
    }
    refresh();
}

} // namespace diy::ui
