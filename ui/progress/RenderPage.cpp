#include "progress/RenderPage.h"

#include "common/Icons.h"
#include "common/InlineMessage.h"
#include "common/ProjectDocument.h"
#include "progress/CheckFindingsPanel.h"
#include "progress/RenderController.h"
#include "progress/RenderStageModel.h"
#include "util/AtomicFile.h"

#include <nlohmann/json.hpp>

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace diy::ui {

RenderPage::RenderPage(ProjectDocument *document, RenderController *controller, QWidget *parent)
    : QWidget(parent), m_document(document), m_controller(controller), m_message(new InlineMessage(this)),
      m_blockers(new InlineMessage(this)), m_findings(new CheckFindingsPanel(this)), m_videoButtons(new QHBoxLayout),
      m_start(new QPushButton(Icons::icon(QStringLiteral("render")), tr("&Render video"), this)),
      m_cancel(new QPushButton(Icons::icon(QStringLiteral("cancel")), tr("&Cancel"), this)),
      m_watch(new QPushButton(Icons::icon(QStringLiteral("watch")), tr("&Watch"), this)), m_bar(new QProgressBar(this)),
      m_timing(new QLabel(this)), m_current(new QLabel(this)), m_output(new QLabel(this)), m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("renderPage"));
    m_message->setObjectName(QStringLiteral("renderMessage"));
    m_blockers->setObjectName(QStringLiteral("renderBlockersMessage"));
    auto *heading = new QLabel(tr("Render"));
    heading->setObjectName(QStringLiteral("pageHeading"));
    QFont hf = heading->font();
    hf.setPointSizeF(hf.pointSizeF() * 1.5);
    hf.setBold(true);
    heading->setFont(hf);
    auto *hint = new QLabel(tr("Title cards, the voice-over, captions and every scene are made on this computer and joined "
                               "into one video. Finished pieces are kept, so after an edit only what changed is redone."));
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
    buttons->addLayout(m_videoButtons);
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
    layout->addWidget(m_blockers);
    layout->addLayout(buttons);
    layout->addWidget(m_bar);
    layout->addLayout(timing);
    layout->addWidget(m_table);
    layout->addWidget(m_output);
    layout->addWidget(m_findings);
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
    // One rule with the CLI and the pipeline: Project::renderBlockers().
    const FieldProblems blockers = open ? p.renderBlockers() : FieldProblems{};
    m_start->setEnabled(open && !running && blockers.isEmpty());
    m_start->setToolTip(blockers.isEmpty() ? tr("Render the video (Ctrl+Return)")
                                           : tr("Not ready to render: %1").arg(blockers.first().message));
    if (blockers.isEmpty() || !p.script) {
        m_blockers->clear();
        if (open && !p.script)
            m_blockers->showMessage(InlineMessage::Level::Info, tr("Write or import a script on the Script page first."));
    } else {
        QStringList lines;
        for (const FieldProblem &b : blockers.mid(0, 6))
            lines << QStringLiteral("• ") + b.message;
        if (blockers.size() > 6)
            lines << tr("…and %1 more.").arg(blockers.size() - 6);
        m_blockers->showMessage(InlineMessage::Level::Warning,
                                tr("The video cannot be rendered yet. Fix these on the Script page:") + QLatin1Char('\n')
                                    + lines.join(QLatin1Char('\n')),
                                problemLines(blockers).join(QLatin1Char('\n')));
    }
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
        m_output->setText(
            tr("Last video: %1 (%2)").arg(QDir::toNativeSeparators(output), formatDurationMs(p.lastRender->durationMs)));
    else
        m_output->clear();
    if (!running)
        m_tick.stop();
    refreshFindings();
}

void RenderPage::refreshFindings()
{
    const Project &p = m_document->project();
    const bool show = m_document->isOpen() && p.lastRender && !p.lastRender->reportFile.isEmpty() && !m_controller->isRunning();
    const QString source = show ? QDir(m_document->folder()).filePath(p.lastRender->reportFile) + QLatin1Char('@')
                                      + p.lastRender->finishedAt.toString(Qt::ISODateWithMs)
                                : QString();
    if (source == m_findingsSource)
        return;
    m_findingsSource = source;
    if (!show) {
        m_findings->clear();
        return;
    }
    const auto bytes = AtomicFile::read(QDir(m_document->folder()).filePath(p.lastRender->reportFile), 4 * 1024 * 1024);
    if (!bytes) {
        m_findings->clear();
        return;
    }
    m_findings->showReport(nlohmann::json::parse(bytes->constData(), bytes->constData() + bytes->size(), nullptr, false));
}

void RenderPage::setVideoActions(const QList<QAction *> &actions)
{
    for (QAction *action : actions) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setObjectName(action->objectName() + QStringLiteral("RenderButton"));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(true);
        m_videoButtons->addWidget(button);
    }
}

void RenderPage::onControllerFinished(const diy::Result<diy::RenderSummary> &result)
{
    m_tick.stop();
    if (result) {
        m_message->showMessage(InlineMessage::Level::Success, tr("Rendered %1 scenes in %2 (%3 pieces reused, %4 made).")
                                                                  .arg(result->scenes)
                                                                  .arg(formatDurationMs(qint64(result->totalSeconds * 1000)))
                                                                  .arg(result->itemsReused)
                                                                  .arg(result->itemsMade));
    } else if (result.error().isCancelled()) {
        m_message->showMessage(InlineMessage::Level::Info,
                               tr("Render cancelled. Finished pieces are kept; render again to continue."));
    } else {
        m_message->showError(result.error());
        auto *retry = m_message->addAction(tr("Try again"), QStringLiteral("retryRenderButton"));
        connect(retry, &QPushButton::clicked, this, &RenderPage::startRequested);
    }
    refresh();
}

} // namespace diy::ui
