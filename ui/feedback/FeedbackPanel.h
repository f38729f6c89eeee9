#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace diy::ui {

class FeedbackTransport;
class ProjectDocument;

/// Under the player: thumbs up / thumbs down and an optional comment, sent as `user_satisfaction`
/// (boolean, episode level) and `comment` for the project's TensorZero episode. The delivery state
/// is always visible (queued, sending, sent, failed and why). A vote can be changed (the latest
/// counts). A project without an episode keeps its vote and says it is sent after an AI run.
class FeedbackPanel : public QWidget {
    Q_OBJECT
public:
    FeedbackPanel(ProjectDocument *document, FeedbackTransport *transport, QWidget *parent = nullptr);

    QString stateText() const;

signals:
    void voteRequested(bool up);

private:
    void vote(bool up);
    void sendComment();
    void sendPending();
    void refresh();

    ProjectDocument *m_document;
    QPointer<FeedbackTransport> m_transport;
    QToolButton *m_up;
    QToolButton *m_down;
    QLineEdit *m_comment;
    QPushButton *m_send;
    QLabel *m_state;
    QString m_voteItem;
    QString m_commentItem;
    QString m_episode;    ///< the episode the panel last saw
    QString m_renderHash; ///< the video the panel's vote and comment are about
};

} // namespace diy::ui
