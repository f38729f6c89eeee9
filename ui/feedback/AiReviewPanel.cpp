#include "feedback/AiReviewPanel.h"

#include "common/Icons.h"
#include "common/ProjectDocument.h"
#include "model/JsonReader.h"
#include "pipeline/QualityJudge.h"
#include "tensorzero/FeedbackOutbox.h"
#include "tensorzero/TensorZeroClient.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace diy::ui {

AiReviewPanel::AiReviewPanel(ProjectDocument *document, TensorZeroClient *client, FeedbackOutbox *outbox, QWidget *parent)
    : QWidget(parent), m_document(document), m_client(client), m_outbox(outbox), m_summary(new QLabel(this)),
      m_detail(new QLabel(this)), m_review(new QPushButton(Icons::icon(QStringLiteral("sparkle")), tr("Review with AI"), this))
{
    setObjectName(QStringLiteral("aiReviewPanel"));
    m_summary->setObjectName(QStringLiteral("aiReviewSummary"));
    m_summary->setAccessibleName(tr("AI review result"));
    m_summary->setTextFormat(Qt::RichText);
    m_detail->setObjectName(QStringLiteral("aiReviewDetail"));
    m_detail->setWordWrap(true);
    m_detail->setAccessibleName(tr("AI review details"));
    m_review->setObjectName(QStringLiteral("aiReviewButton"));
    m_review->setAccessibleName(tr("Review with AI"));
    m_review->setToolTip(tr("Ask the AI to score this video from its key frames, script and technical checks "
                            "(TensorZero function video_evaluator)"));

    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("<b>AI review</b>"), this));
    row->addSpacing(8);
    row->addWidget(m_summary, 1);
    row->addWidget(m_review);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_detail);

    connect(m_review, &QPushButton::clicked, this, &AiReviewPanel::review);
    connect(m_document, &ProjectDocument::opened, this, [this] {
        m_error.clear();
        refresh();
    });
    connect(m_document, &ProjectDocument::changed, this, [this](int aspects) {
        if (aspects & (ProjectDocument::RenderAspect | ProjectDocument::FeedbackAspect))
            refresh();
    });
    refresh();
}

AiReviewPanel::~AiReviewPanel() = default;

QString AiReviewPanel::summaryText() const
{
    return m_summary->text();
}

void AiReviewPanel::review()
{
    if (m_judge || !m_document->isOpen())
        return;
    m_error.clear();
    m_reviewHash = m_document->project().lastRender ? m_document->project().lastRender->inputsHash : QString();
    m_judge = new QualityJudge(m_document->project(), m_document->folder(), m_client, this);
    connect(m_judge, &Job::finished, this, [this, judge = m_judge.data()](const Status &) { onJudgeFinished(judge->result()); });
    m_judge->start();
    refresh();
}

void AiReviewPanel::onJudgeFinished(const Result<QualityEvaluation> &result)
{
    if (m_judge)
        m_judge->deleteLater();
    m_judge = nullptr;
    if (!result) {
        m_error = result.error().message;
        refresh();
        emit reviewFinished(false);
        return;
    }
    const QualityEvaluation &e = *result;
    m_document->update(ProjectDocument::FeedbackAspect | ProjectDocument::RenderAspect, [&](Project &p) {
        if (p.episodeId.isEmpty())
            p.episodeId = e.episodeId;
        p.inferences.append(e.record);
        nlohmann::json entry = e.toProjectJson();
        entry["renderHash"] = toStd(m_reviewHash); // a review belongs to the video it watched
        p.evaluations.push_back(entry);
    });
    if (m_outbox) {
        FeedbackItem score;
        score.metric = QStringLiteral("video_quality_score");
        score.value = e.score;
        score.target = FeedbackRequest::Target::Inference;
        score.targetId = e.record.inferenceId;
        score.tags.insert(QStringLiteral("source"), QStringLiteral("diy-studio"));
        m_outbox->enqueue(score);
        m_outbox->flush();
    }
    refresh();
    emit reviewFinished(true);
}

void AiReviewPanel::refresh()
{
    const bool open = m_document->isOpen();
    const Project &p = m_document->project();
    const bool rendered = open && p.lastRender.has_value();
    const bool running = m_judge != nullptr;
    const QString hash = rendered ? p.lastRender->inputsHash : QString();
    if (hash != m_shownHash) {
        m_shownHash = hash; // a new video: the last review's error is about the previous one
        m_error.clear();
    }
    m_review->setEnabled(rendered && !running && m_client);
    m_review->setText(running ? tr("Reviewing…") : tr("Review with AI"));
    if (!m_client) {
        m_summary->setText(tr("Set up the AI service in Settings (AI section) to get an AI review."));
        m_detail->clear();
        return;
    }
    if (!m_error.isEmpty()) {
        m_summary->setText(tr("<span style='color:#b3261e'>The review did not run.</span>"));
        m_detail->setText(m_error);
        return;
    }
    // The newest review of this video; reviews of earlier renders stay in the project's history.
    if (const nlohmann::json *it = p.currentJudgement()) {
        const double score = it->value("score", 0.0);
        const QString rating = QString::fromStdString(it->value("rating", std::string()));
        m_summary->setText(tr("<b>%1/10</b> · %2").arg(score, 0, 'f', 1).arg(rating.toHtmlEscaped()));
        m_summary->setToolTip(tr("Reviewed by the TensorZero function video_evaluator, variant %1")
                                  .arg(QString::fromStdString(it->value("variant", std::string()))));
        QStringList redo;
        const QList<Scene> scenes = p.scenes();
        const auto judgement = it->value("judgement", nlohmann::json::object());
        if (judgement.contains("scenes_to_redo") && judgement["scenes_to_redo"].is_array()) {
            for (const auto &s : judgement["scenes_to_redo"]) {
                if (!s.is_object())
                    continue;
                const int index = s.value("scene_index", -1);
                const QString name =
                    index >= 0 && index < scenes.size() ? scenes[index].displayName() : tr("scene %1").arg(index + 1);
                QString what = QString::fromStdString(s.value("what", std::string()));
                what.replace(QLatin1Char('_'), QLatin1Char(' '));
                redo << QStringLiteral("%1 (%2)").arg(name, what);
            }
        }
        QString detail = QString::fromStdString(it->value("feedback", std::string()));
        if (!redo.isEmpty())
            detail += QLatin1Char(' ') + tr("Would redo: %1.").arg(redo.join(QStringLiteral(", ")));
        m_detail->setText(detail);
        return;
    }
    m_summary->setToolTip(QString());
    m_summary->setText(rendered ? tr("Not reviewed yet.") : tr("Render the video first."));
    m_detail->setText(running
                          ? tr("The AI is looking at %1 key frames, the script and the technical checks…").arg(p.scenes().size())
                          : QString());
}

} // namespace diy::ui
