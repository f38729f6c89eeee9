#include "progress/StageRail.h"

#include "common/Plural.h"
#include "common/ProjectDocument.h"
#include "common/ThemeSignals.h"
#include "production/ProductionController.h"
#include "progress/RenderController.h"
#include "progress/StageRailDelegate.h"
#include "progress/StageRailModel.h"

#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QFileInfo>

namespace diy::ui {

StageRail::StageRail(ProjectDocument *document, RenderController *render, QWidget *parent)
    : QListView(parent), m_document(document), m_render(render), m_model(new StageRailModel(this))
{
    setObjectName(QStringLiteral("stageRail"));
    setAccessibleName(tr("Stages"));
    setModel(m_model);
    setItemDelegate(new StageRailDelegate(this));
    setFixedWidth(236);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    setSpacing(1);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setToolTip(tr("Stages: click one to open its page (Ctrl+1…Ctrl+6)"));
    setAutoFillBackground(true);
    followPalette();
    connect(ThemeSignals::instance(), &ThemeSignals::themeChanged, this, &StageRail::followPalette);
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (current.isValid() && m_document->isOpen())
            emit stageActivated(current.row());
    });
}

void StageRail::selectStage(int stage)
{
    if (stage < 0)
        clearSelection();
    else
        setCurrentIndex(m_model->index(stage));
}

void StageRail::changeEvent(QEvent *event)
{
    QListView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        followPalette();
}

void StageRail::followPalette()
{
    // The rail sits on the window colour, not the (white) base of a list. Built from the
    // application's palette: a palette set on the widget no longer follows theme changes by itself.
    QPalette p = QApplication::palette();
    p.setColor(QPalette::Base, p.color(QPalette::Window));
    if (p != palette())
        setPalette(p);
    viewport()->update();
}

void StageRail::refresh()
{
    const Project &p = m_document->project();
    const bool open = m_document->isOpen();
    using S = StageRailModel::Status;

    S brief;
    if (open) {
        const FieldProblems problems = p.brief.validate();
        brief.state = problems.isEmpty() ? StageState::Done : StageState::Failed;
        brief.detail = problems.isEmpty()
                           ? p.brief.format.displayName() + QStringLiteral(" · ")
                                 + tr("about %1").arg(formatDurationMs(qint64(p.brief.targetDurationSeconds) * 1000))
                           : problems.first().message;
    }
    m_model->setStatus(StageRailModel::Brief, brief);

    S script;
    if (open && p.script) {
        // The same rule as the render: schema problems and unfilled placeholders.
        FieldProblems blockers;
        for (const FieldProblem &b : p.renderBlockers())
            if (b.path.startsWith(QStringLiteral("/script")))
                blockers.append(b);
        script.state = blockers.isEmpty() ? StageState::Done : StageState::Failed;
        const double seconds = p.script->spokenWordCount() * 60.0 / std::max(1, p.brief.speechRate);
        script.detail =
            blockers.isEmpty() ? countText(int(p.script->steps.size()), tr("1 step"), tr("%1 steps")) + QStringLiteral(" · ")
                                     + tr("%1 spoken").arg(formatDurationMs(qint64(seconds * 1000)))
            : blockers.size() == 1 ? blockers.first().message
                                   : QStringLiteral("%1 (%2)").arg(
                                       blockers.first().message,
                                       countText(int(blockers.size() - 1), tr("and 1 more to fix"), tr("and %1 more to fix")));
    } else if (open) {
        script.detail = tr("Write or import a script");
    }
    using PC = ProductionController;
    // An AI step that runs, failed or waits for the creator's review says so on its row.
    auto aiStatus = [this](PC::Step step, S *status) {
        if (!m_production)
            return;
        const StageState state = m_production->state(step);
        if (state != StageState::Running && state != StageState::Failed && state != StageState::NeedsReview)
            return;
        status->state = state;
        status->detail = m_production->detail(step);
        if (state == StageState::Running) {
            status->progress = m_production->progress();
            status->elapsedMs = m_production->elapsedMs();
            status->etaMs = m_production->etaMs();
        }
    };
    aiStatus(PC::ScriptStep, &script);
    m_model->setStatus(StageRailModel::Script, script);

    S prompts;
    if (open && m_production) {
        prompts.state = m_production->state(PC::PromptsStep);
        prompts.detail = m_production->detail(PC::PromptsStep);
        aiStatus(PC::PromptsStep, &prompts);
    } else if (open) {
        prompts.detail = tr("Cards need no prompts");
    }
    m_model->setStatus(StageRailModel::Prompts, prompts);

    S images;
    if (open && p.script) {
        images.state = StageState::Done;
        int own = 0, locked = 0;
        for (const SceneImage &img : p.sceneImages) {
            own += img.source != SceneImage::Source::Card;
            locked += img.locked;
        }
        images.detail = countText(int(p.sceneImages.size()), tr("1 scene"), tr("%1 scenes")) + QStringLiteral(" · ")
                        + countText(own, tr("1 photo"), tr("%1 photos")) + QStringLiteral(" · ") + tr("%1 locked").arg(locked);
    }
    if (open && p.script && m_production && p.imageProvider != QStringLiteral("cards")) {
        images.state = m_production->state(PC::PicturesStep);
        if (const QString d = m_production->detail(PC::PicturesStep); !d.isEmpty())
            images.detail = d;
        aiStatus(PC::PicturesStep, &images);
    }
    m_model->setStatus(StageRailModel::Images, images);

    S render;
    if (open) {
        render.state = m_render->state();
        const FieldProblems blockers = p.renderBlockers();
        if (m_render->isRunning()) {
            render.progress = m_render->progress();
            render.elapsedMs = m_render->elapsedMs();
            render.etaMs = m_render->etaMs();
            render.detail = m_render->currentLabel();
        } else if (!blockers.isEmpty()) {
            render.state = StageState::Waiting;
            render.detail =
                !p.script
                    ? tr("Needs a script")
                    : tr("Fix the script first (%1)").arg(countText(int(blockers.size()), tr("1 problem"), tr("%1 problems")));
        } else if (render.state == StageState::Failed) {
            render.detail = m_render->lastError().message;
        } else if (render.state == StageState::Stale) {
            render.detail = tr("Edited since the last render");
        } else if (render.state == StageState::Done && m_render->elapsedMs() >= 0) {
            render.detail = tr("Took %1").arg(formatDurationMs(m_render->elapsedMs()));
        } else if (render.state == StageState::Done) {
            render.detail = tr("Up to date");
        }
    }
    m_model->setStatus(StageRailModel::Render, render);

    S watch;
    if (open && p.lastRender) {
        const bool exists = QFileInfo::exists(QDir(m_document->folder()).filePath(p.lastRender->output));
        const bool upToDate = m_render->hasPlan() ? m_render->plan().upToDate() : true;
        watch.state = !exists ? StageState::Waiting : upToDate ? StageState::Done : StageState::Stale;
        const QString vote = p.feedback.vote;
        watch.detail = !exists                        ? tr("The video file is missing")
                       : vote.isEmpty()               ? tr("Not rated yet")
                       : vote == QStringLiteral("up") ? tr("Rated: good")
                                                      : tr("Rated: not good");
    }
    m_model->setStatus(StageRailModel::Watch, watch);
    viewport()->update();
}

} // namespace diy::ui
