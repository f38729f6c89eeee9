#pragma once

#include "feedback/FeedbackTransport.h"

#include <QPointer>

namespace diy {
class FeedbackOutbox;
}

namespace diy::ui {

/// The studio's feedback transport: the TensorZero feedback outbox (written to disk before it is
/// sent, retried with backoff and on the next start, failures kept with their reason).
class OutboxFeedbackTransport : public FeedbackTransport {
    Q_OBJECT
public:
    explicit OutboxFeedbackTransport(FeedbackOutbox *outbox, QObject *parent = nullptr);

    QString enqueue(const QString &metric, const QVariant &value, const QString &episodeId) override;
    std::optional<Delivery> delivery(const QString &id) const override;
    void flush() override;

private:
    QPointer<FeedbackOutbox> m_outbox;
};

} // namespace diy::ui
