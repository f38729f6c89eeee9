#pragma once

#include <QObject>
#include <QString>
#include <QVariant>

#include <optional>

namespace diy::ui {

/// Where the feedback panel sends ratings: the TensorZero feedback outbox in the studio (queued on
/// disk, sent when the gateway answers), a recording double in tests.
class FeedbackTransport : public QObject {
    Q_OBJECT
public:
    enum class State { Queued, Sending, Sent, Failed };
    struct Delivery {
        State state = State::Queued;
        QString message; ///< why it failed, for the creator
    };

    using QObject::QObject;

    /// Queues one feedback value for an episode; returns the item id.
    virtual QString enqueue(const QString &metric, const QVariant &value, const QString &episodeId) = 0;
    virtual std::optional<Delivery> delivery(const QString &id) const = 0;
    /// Try to send what is queued now.
    virtual void flush() = 0;

signals:
    void deliveryChanged(const QString &id);
};

} // namespace diy::ui
