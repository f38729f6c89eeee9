#include "production/ProductionPanel.h"

#include "common/Icons.h"
#include "common/InlineMessage.h"
#include "common/ProjectDocument.h"
#include "model/Ledger.h"
#include "production/EstimateDialog.h"
#include "progress/StageState.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace diy::ui {

namespace {

QPushButton *button(const QString &icon, const QString &text, const char *name, QWidget *parent)
{
    auto *b = new QPushButton(icon.isEmpty() ? QIcon() : Icons::icon(icon), text, parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setAccessibleName(text);
    return b;
}

} // namespace

ProductionPanel::ProductionPanel(ProjectDocument *document, ProductionController *controller, QWidget *parent)
    : QFrame(parent), m_document(document), m_controller(controller), m_icon(new QLabel(this)), m_status(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_eta(new QLabel(this)),
      m_writeScript(button(QStringLiteral("sparkle"), tr("Write the script"), "writeScriptButton", this)),
      m_writeYourself(button({}, tr("I'll write it myself"), "writeYourselfButton", this)),
      m_approve(button(QStringLiteral("sparkle"), tr("Approve script and draw the pictures"), "approveScriptButton", this)),
      m_render(button(QStringLiteral("render"), tr("Render the video"), "productionRenderButton", this)),
      m_cancel(button(QStringLiteral("cancel"), tr("Cancel"), "productionCancelButton", this)), m_message(new InlineMessage(this))
{
    setObjectName(QStringLiteral("productionBar"));
    setFrameShape(QFrame::StyledPanel);
    m_icon->setPixmap(Icons::icon(QStringLiteral("sparkle")).pixmap(22, 22));
    m_status->setObjectName(QStringLiteral("productionStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_progress->setObjectName(QStringLiteral("productionProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setFixedWidth(160);
    m_eta->setObjectName(QStringLiteral("productionEtaLabel"));
    m_message->setObjectName(QStringLiteral("productionMessage"));
    m_writeScript->setDefault(true);
    m_writeScript->setToolTip(tr("The AI writes the script from your brief; you review it before anything else is paid"));
    m_approve->setToolTip(tr("Your script is kept as it is; the AI writes a prompt per scene and draws the pictures"));

    auto *row = new QHBoxLayout;
    row->setSpacing(10);
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addWidget(m_status, 1);
    row->addWidget(m_progress);
    row->addWidget(m_eta);
    for (QPushButton *b : {m_writeYourself, m_writeScript, m_approve, m_render, m_cancel})
        row->addWidget(b);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(6);
    layout->addLayout(row);
    layout->addWidget(m_message);

    connect(m_writeScript, &QPushButton::clicked, this, [this] { request(ProductionController::Goal::WriteScript); });
    connect(m_approve, &QPushButton::clicked, this, [this] { request(ProductionController::Goal::DrawPictures); });
    connect(m_writeYourself, &QPushButton::clicked, this, &ProductionPanel::writeYourselfRequested);
    connect(m_render, &QPushButton::clicked, this, &ProductionPanel::renderRequested);
    connect(m_cancel, &QPushButton::clicked, m_controller, &ProductionController::cancel);
    connect(m_controller, &ProductionController::estimateReady, this, &ProductionPanel::onEstimateReady);
    connect(m_controller, &ProductionController::blocked, this, &ProductionPanel::onBlocked);
    connect(m_controller, &ProductionController::failed, this, &ProductionPanel::onFailed);
    connect(m_controller, &ProductionController::finished, this, &ProductionPanel::onFinished);
    connect(m_controller, &ProductionController::stateChanged, this, &ProductionPanel::refresh);
    connect(m_controller, &ProductionController::progressChanged, this, &ProductionPanel::refresh);
    connect(m_document, &ProjectDocument::changed, this, &ProductionPanel::refresh);
    connect(m_document, &ProjectDocument::opened, m_message, &InlineMessage::clear);
    refresh();
}

void ProductionPanel::request(ProductionController::Goal goal)
{
    m_message->clear();
    m_controller->prepare(goal);
}

void ProductionPanel::onEstimateReady(ProductionController::Goal goal, const CostEstimate &estimate)
{
    if (m_estimate)
        m_estimate->close();
    const QString what = goal == ProductionController::Goal::WriteScript ? tr("Write the script with AI from your brief")
                                                                         : tr("Write the picture prompts and draw the pictures");
    m_estimate = new EstimateDialog(what, estimate, window());
    m_estimate->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_estimate, &QDialog::accepted, this, [this, goal] { m_controller->start(goal); });
    m_estimate->open();
}

void ProductionPanel::onBlocked(ProductionController::Goal, const Error &error)
{
    m_message->showMessage(InlineMessage::Level::Warning, error.message, error.detail);
    connect(m_message->addAction(tr("Open Settings"), QStringLiteral("productionSettingsButton")), &QPushButton::clicked, this,
            &ProductionPanel::settingsRequested);
    if (!m_document->project().script)
        connect(m_message->addAction(tr("Write it myself"), QStringLiteral("productionWriteYourselfButton")),
                &QPushButton::clicked, this, &ProductionPanel::writeYourselfRequested);
    offerCards();
    refresh();
}

void ProductionPanel::offerCards()
{
    if (m_document->project().imageProvider == QStringLiteral("cards"))
        return;
    auto *cards = m_message->addAction(tr("Use cards"), QStringLiteral("productionUseCardsButton"));
    connect(cards, &QPushButton::clicked, this, [this] {
        // Pictures already drawn stay; the ones still owed become cards (undoable).
        m_document->edit(tr("Use cards for the pictures"), ProjectDocument::BriefAspect | ProjectDocument::ImagesAspect,
                         [](Project &p) {
                             p.imageProvider = QStringLiteral("cards");
                             for (SceneImage &image : p.sceneImages)
                                 if (image.isPendingGeneration())
                                     image = SceneImage{};
                         });
        m_message->showMessage(InlineMessage::Level::Info, tr("The pictures still to draw are cards now (Undo brings the AI "
                                                              "pictures back). The pictures already drawn are kept."));
    });
}

void ProductionPanel::onFailed(ProductionController::Step step, const Error &error)
{
    if (error.isCancelled()) {
        m_message->showMessage(InlineMessage::Level::Info, tr("Cancelled. Everything finished is kept; go on when you like."));
        refresh();
        return;
    }
    const QString where = step == ProductionController::ScriptStep    ? tr("Writing the script failed")
                          : step == ProductionController::PromptsStep ? tr("Writing the picture prompts failed")
                                                                      : tr("Drawing the pictures stopped");
    m_message->showMessage(InlineMessage::Level::Error, QStringLiteral("%1: %2").arg(where, error.message), error.detail);
    auto *retry = m_message->addAction(tr("Try again"), QStringLiteral("productionRetryButton"));
    const auto goal = step == ProductionController::ScriptStep ? ProductionController::Goal::WriteScript
                                                               : ProductionController::Goal::DrawPictures;
    connect(retry, &QPushButton::clicked, this, [this, goal] { request(goal); });
    if (step == ProductionController::PicturesStep) {
        connect(m_message->addAction(tr("Show the scene"), QStringLiteral("productionShowSceneButton")), &QPushButton::clicked,
                this, &ProductionPanel::imagesPageRequested);
    } else {
        connect(m_message->addAction(tr("Open Settings"), QStringLiteral("productionSettingsButton")), &QPushButton::clicked,
                this, &ProductionPanel::settingsRequested);
        if (!m_document->project().script)
            connect(m_message->addAction(tr("Write it myself"), QStringLiteral("productionWriteYourselfButton")),
                    &QPushButton::clicked, this, &ProductionPanel::writeYourselfRequested);
    }
    offerCards();
    if (step == ProductionController::PicturesStep)
        emit imagesPageRequested();
    refresh();
}

void ProductionPanel::onFinished(ProductionSummary::Stop stop)
{
    m_message->clear();
    if (stop == ProductionSummary::Stop::ScriptReview)
        emit scriptPageRequested();
    else if (stop == ProductionSummary::Stop::PicturesReview)
        emit imagesPageRequested();
    refresh();
}

void ProductionPanel::refresh()
{
    using PC = ProductionController;
    const Project &p = m_document->project();
    const bool open = m_document->isOpen();
    const bool running = m_controller->isRunning();
    const bool ai = p.imageProvider != QStringLiteral("cards");
    const int pending =
        int(std::count_if(p.sceneImages.begin(), p.sceneImages.end(), [](const SceneImage &i) { return i.isPendingGeneration(); }));
    bool showWrite = false, showApprove = false, showRender = false;
    QString status;
    if (running) {
        const QString text = m_controller->progressText();
        status = QStringLiteral("<b>%1</b>").arg(text.isEmpty() ? tr("Starting…") : text.toHtmlEscaped());
        m_progress->setValue(int(std::clamp(m_controller->progress(), 0.0, 1.0) * 1000));
        const qint64 eta = m_controller->etaMs();
        const qint64 elapsed = m_controller->elapsedMs();
        m_eta->setText(eta > 0 ? tr("about %1 left").arg(formatDurationMs(eta))
                               : tr("%1 elapsed").arg(formatDurationMs(std::max<qint64>(elapsed, 0))));
    } else if (open && !p.script) {
        showWrite = true;
        status = tr("<b>Start from your brief.</b> The AI writes the script; you read and edit it before anything else is "
                    "paid. Or write it yourself.");
    } else if (open && m_controller->state(PC::ScriptStep) == StageState::NeedsReview) {
        showApprove = true;
        m_approve->setText(tr("Approve script and draw the pictures"));
        status = tr("<b>The AI script is ready for your review.</b> Read it and change anything (every edit can be undone). "
                    "When it is right, approve it: then the pictures are drawn.");
    } else if (open && ai && pending > 0) {
        showApprove = true;
        m_approve->setText(pending == 1 ? tr("Draw 1 picture") : tr("Draw %1 pictures").arg(pending));
        status = pending == 1 ? tr("<b>1 picture is still to draw.</b>") : tr("<b>%1 pictures are still to draw.</b>").arg(pending);
    } else if (open && m_controller->state(PC::PicturesStep) == StageState::NeedsReview) {
        showRender = true;
        status = tr("<b>The pictures are drawn.</b> Edit a prompt or draw one again on the Images page, lock the ones you "
                    "like, then render.");
    }
    if (open && ai && !running && !status.isEmpty()) {
        const Ledger::Totals spent = Ledger::load(m_document->folder()).valueOr(Ledger{}).totals();
        if (spent.calls > 0)
            status += QStringLiteral(" <span style='color:gray'>%1</span>")
                          .arg(tr("Spent so far: $%1 in %2 paid calls.").arg(spent.costUsd, 0, 'f', 3).arg(spent.calls));
    }
    m_status->setText(status);
    m_progress->setVisible(running);
    m_eta->setVisible(running);
    m_cancel->setVisible(running);
    m_writeScript->setVisible(showWrite);
    m_writeYourself->setVisible(showWrite);
    m_approve->setVisible(showApprove);
    m_render->setVisible(showRender);
    const bool busy = m_controller->isPreparing() || (m_estimate && m_estimate->isVisible());
    for (QPushButton *b : {m_writeScript, m_approve})
        b->setEnabled(!busy);
    setVisible(open && (!status.isEmpty() || !m_message->text().isEmpty()));
}

} // namespace diy::ui
