#include "feedback/OutboxFeedbackTransport.h"

#include "tensorzero/FeedbackOutbox.h"

namespace diy::ui {

OutboxFeedbackTransport::OutboxFeedbackTransport(FeedbackOutbox *outbox, QObject *parent)
    : FeedbackTransport(parent), m_outbox(outbox)
{
    connect(outbox, &FeedbackOutbox::itemChanged, this, &FeedbackTransport::deliveryChanged);
}

QString OutboxFeedbackTransport::enqueue(const QString &metric, const QVariant &value, const QString &episodeId)
{
    if (!m_outbox)
        return {};
    FeedbackItem item;
    if (metric == QStringLiteral("user_satisfaction"))
        item = FeedbackItem::userSatisfaction(episodeId, value.toBool());
    else if (metric == QStringLiteral("comment"))
        item = FeedbackItem::comment(episodeId, value.toString());
    else {
        item.metric = metric;
        item.value = value;
        item.target = FeedbackRequest::Target::Episode;
        item.targetId = episodeId;
    }
    item.tags.insert(QStringLiteral("source"), QStringLiteral("diy-studio"));
    return m_outbox->enqueue(item);
}

std::optional<FeedbackTransport::Delivery> OutboxFeedbackTransport::delivery(const QString &id) const
{
    if (!m_outbox || id.isEmpty())
        return std::nullopt;
    const FeedbackItem item = m_outbox->item(id);
    if (item.id.isEmpty())
        return std::nullopt;
    Delivery d;
    switch (item.state) {
    case FeedbackItem::State::Queued: d.state = State::Queued; break;
    case FeedbackItem::State::Sending: d.state = State::Sending; break;
    case FeedbackItem::State::Sent: d.state = State::Sent; break;
    case FeedbackItem::State::Failed: d.state = State::Failed; break;
    }
    d.message = item.userMessage.isEmpty() ? item.lastError : item.userMessage;
    return d;
}

void OutboxFeedbackTransport::flush()
{
    if (m_outbox)
        m_outbox->flush();
}

} // namespace diy::ui
