#include "feedback/FeedbackPanel.h"

#include "common/Icons.h"
#include "common/ProjectDocument.h"
#include "feedback/FeedbackTransport.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace diy::ui {

namespace {

QString describe(const std::optional<FeedbackTransport::Delivery> &d, const QString &what)
{
    if (!d)
        return {};
    switch (d->state) {
    case FeedbackTransport::State::Queued:
        return QObject::tr("%1 saved: it is sent when the AI service can be reached.").arg(what);
    case FeedbackTransport::State::Sending: return QObject::tr("Sending %1…").arg(what.toLower());
    case FeedbackTransport::State::Sent: return QObject::tr("%1 sent. Thank you!").arg(what);
    case FeedbackTransport::State::Failed:
        return QObject::tr("%1 not sent: %2 It stays queued and is retried.").arg(what, d->message);
    }
    return {};
}

} // namespace

FeedbackPanel::FeedbackPanel(ProjectDocument *document, FeedbackTransport *transport, QWidget *parent)
    : QWidget(parent), m_document(document), m_transport(transport), m_up(new QToolButton(this)), m_down(new QToolButton(this)),
      m_comment(new QLineEdit(this)), m_send(new QPushButton(Icons::icon(QStringLiteral("send")), tr("Send"), this)),
      m_state(new QLabel(this))
{
    setObjectName(QStringLiteral("feedbackPanel"));
    auto *question = new QLabel(tr("<b>How is this video?</b>"), this);
    for (auto [button, up] : {std::pair{m_up, true}, std::pair{m_down, false}}) {
        button->setCheckable(true);
        button->setAutoRaise(false);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setIconSize(QSize(20, 20));
        button->setIcon(Icons::icon(up ? QStringLiteral("thumb-up") : QStringLiteral("thumb-down")));
        button->setText(up ? tr("Good") : tr("Not good"));
        button->setObjectName(up ? QStringLiteral("thumbsUpButton") : QStringLiteral("thumbsDownButton"));
        button->setAccessibleName(up ? tr("Thumbs up") : tr("Thumbs down"));
        button->setToolTip(up ? tr("I like this video (Ctrl+Shift+Up)") : tr("This video needs work (Ctrl+Shift+Down)"));
        button->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | (up ? Qt::Key_Up : Qt::Key_Down)));
        connect(button, &QToolButton::clicked, this, [this, up = up] { vote(up); });
    }
    m_comment->setObjectName(QStringLiteral("feedbackCommentEdit"));
    m_comment->setPlaceholderText(tr("Optional comment: what would make it better?"));
    m_comment->setAccessibleName(tr("Comment"));
    m_comment->setToolTip(tr("Sent with your rating as a comment"));
    m_comment->setMaxLength(2000);
    m_send->setObjectName(QStringLiteral("sendCommentButton"));
    m_send->setAccessibleName(tr("Send comment"));
    m_send->setToolTip(tr("Send the comment (Return)"));
    m_state->setObjectName(QStringLiteral("feedbackStateLabel"));
    m_state->setAccessibleName(tr("Feedback state"));
    m_state->setWordWrap(true);

    auto *row = new QHBoxLayout;
    row->addWidget(question);
    row->addSpacing(8);
    row->addWidget(m_up);
    row->addWidget(m_down);
    row->addSpacing(8);
    row->addWidget(m_comment, 1);
    row->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(row);
    layout->addWidget(m_state);

    connect(m_send, &QPushButton::clicked, this, &FeedbackPanel::sendComment);
    connect(m_comment, &QLineEdit::returnPressed, this, &FeedbackPanel::sendComment);
    connect(m_comment, &QLineEdit::textChanged, this, [this] { refresh(); });
    if (m_transport)
        connect(m_transport, &FeedbackTransport::deliveryChanged, this, [this](const QString &) { refresh(); });
    connect(m_document, &ProjectDocument::opened, this, [this] {
        const QStringList ids = m_document->project().feedback.outboxIds;
        m_voteItem = ids.isEmpty() ? QString() : ids.last();
        m_commentItem.clear();
        m_episode = m_document->project().episodeId;
        m_renderHash = m_document->project().feedback.renderHash;
        m_comment->setText(m_document->project().feedback.comment);
        sendPending();
        refresh();
    });
    connect(m_document, &ProjectDocument::changed, this, [this](int aspects) {
        if (aspects & (ProjectDocument::FeedbackAspect | ProjectDocument::RenderAspect)) {
            // A new video starts with a clean rating; the old one stays in the project's history.
            if (m_document->project().feedback.renderHash != m_renderHash) {
                m_renderHash = m_document->project().feedback.renderHash;
                m_voteItem.clear();
                m_commentItem.clear();
                m_comment->setText(m_document->project().feedback.comment);
            }
            // A vote given offline goes out as soon as the project gets an episode (AI review).
            if (m_document->project().episodeId != m_episode) {
                m_episode = m_document->project().episodeId;
                sendPending();
            }
            refresh();
        }
    });
    refresh();
}

void FeedbackPanel::vote(bool up)
{
    const QString value = up ? QStringLiteral("up") : QStringLiteral("down");
    emit voteRequested(up);
    m_document->update(ProjectDocument::FeedbackAspect, [&](Project &p) {
        p.feedback.vote = value;
        p.feedback.updatedAt = QDateTime::currentDateTimeUtc();
    });
    const QString episode = m_document->project().episodeId;
    if (!episode.isEmpty() && m_transport) {
        m_voteItem = m_transport->enqueue(QStringLiteral("user_satisfaction"), up, episode);
        m_document->update(ProjectDocument::FeedbackAspect, [&](Project &p) { p.feedback.outboxIds.append(m_voteItem); });
        m_transport->flush();
    }
    refresh();
}

void FeedbackPanel::sendComment()
{
    const QString text = m_comment->text().trimmed();
    if (text.isEmpty())
        return;
    m_document->update(ProjectDocument::FeedbackAspect, [&](Project &p) {
        p.feedback.comment = text;
        p.feedback.updatedAt = QDateTime::currentDateTimeUtc();
    });
    const QString episode = m_document->project().episodeId;
    if (!episode.isEmpty() && m_transport) {
        m_commentItem = m_transport->enqueue(QStringLiteral("comment"), text, episode);
        m_document->update(ProjectDocument::FeedbackAspect, [&](Project &p) { p.feedback.outboxIds.append(m_commentItem); });
        m_transport->flush();
    }
    refresh();
}

void FeedbackPanel::sendPending()
{
    // A vote given before the project had an episode is sent once it has one.
    const Project &p = m_document->project();
    if (!m_transport || p.episodeId.isEmpty() || p.feedback.vote.isEmpty() || !p.feedback.outboxIds.isEmpty())
        return;
    m_voteItem = m_transport->enqueue(QStringLiteral("user_satisfaction"), p.feedback.vote == QStringLiteral("up"), p.episodeId);
    m_document->update(ProjectDocument::FeedbackAspect, [&](Project &proj) { proj.feedback.outboxIds.append(m_voteItem); });
    m_transport->flush();
}

QString FeedbackPanel::stateText() const
{
    return m_state->text();
}

void FeedbackPanel::refresh()
{
    const Project &p = m_document->project();
    const bool hasVideo = m_document->isOpen() && p.lastRender.has_value();
    setEnabled(hasVideo);
    m_up->setChecked(p.feedback.vote == QStringLiteral("up"));
    m_down->setChecked(p.feedback.vote == QStringLiteral("down"));
    m_send->setEnabled(!m_comment->text().trimmed().isEmpty());

    QStringList lines;
    if (!hasVideo) {
        lines << tr("Rate the video once it is rendered.");
    } else if (p.feedback.vote.isEmpty()) {
        lines << tr("Your rating helps the AI learn what good videos look like.");
    } else if (p.episodeId.isEmpty()) {
        lines << tr("Your rating is saved with this video. It is shared with the AI once this project uses an AI "
                    "feature, such as an AI review.");
        m_state->setToolTip(tr("Ratings are TensorZero feedback on an episode; this project has no episode yet "
                               "(it was made offline)."));
    } else if (m_transport) {
        const QString voteState = describe(m_transport->delivery(m_voteItem), tr("Vote"));
        lines << (voteState.isEmpty() ? tr("Vote saved.") : voteState);
        if (!m_commentItem.isEmpty())
            lines << describe(m_transport->delivery(m_commentItem), tr("Comment"));
    }
    m_state->setText(lines.join(QLatin1Char(' ')));
}

} // namespace diy::ui
