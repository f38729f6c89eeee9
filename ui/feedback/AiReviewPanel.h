#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace diy {
class FeedbackOutbox;
class QualityJudge;
class TensorZeroClient;
struct QualityEvaluation;
template <typename T>
class Result;
} // namespace diy

namespace diy::ui {

class ProjectDocument;

/// Under the player: the AI review of the finished video (TensorZero `video_evaluator`): score,
/// rating, what the judge says and which scenes it would redo. Running it opens the project's
/// TensorZero episode, so the creator's vote can be sent for it; its score is reported as
/// `video_quality_score` for the judged inference through the outbox.
class AiReviewPanel : public QWidget {
    Q_OBJECT
public:
    AiReviewPanel(ProjectDocument *document, TensorZeroClient *client, FeedbackOutbox *outbox, QWidget *parent = nullptr);
    ~AiReviewPanel() override;

    QString summaryText() const;

signals:
    void reviewFinished(bool ok);

private:
    void review();
    void onJudgeFinished(const Result<QualityEvaluation> &result);
    void refresh();

    ProjectDocument *m_document;
    QPointer<TensorZeroClient> m_client;
    QPointer<FeedbackOutbox> m_outbox;
    QPointer<QualityJudge> m_judge;
    QLabel *m_summary;
    QLabel *m_detail;
    QPushButton *m_review;
    QString m_error;
    QString m_reviewHash; ///< the render being reviewed
    QString m_shownHash;  ///< the render the panel shows
};

} // namespace diy::ui
