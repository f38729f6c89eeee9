#pragma once

#include "net/RetryPolicy.h"
#include "tensorzero/FeedbackItem.h"
#include "tensorzero/FeedbackJob.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

class QTimer;

namespace diy {

class FeedbackJob;
class TensorZeroClient;

/// Feedback that is never lost: every item is written to `folder` (one JSON file per item, via
/// AtomicFile) before anything is sent, and its file is removed only after the gateway accepted it.
///
/// Delivery, and why a crash or kill at any moment neither loses nor duplicates a feedback:
/// - enqueue() writes the file as Queued before returning. A kill before that returns loses only
///   a feedback the caller never got an id for.
/// - Before each attempt the file is rewritten as Sending with the attempt number. A kill while
///   the request is in flight leaves Sending on disk; the next start turns it back into Queued and
///   sends it again with the same id (also sent as the tag `diy_feedback_id`). The request was
///   either never answered (the gateway did not store it: resend is correct) or answered after we
///   died; only that last window — gateway accepted, we were killed before removing the file, a
///   few milliseconds — can produce a second row, and it carries the same `diy_feedback_id` tag, so
///   it is recognisable as the same feedback. The gateway has no idempotency key or feedback
///   lookup (docs/tensorzero-api.md), so this is the strongest guarantee a client can give.
/// - Sent: the file is deleted (the deletion is the commit). Failed (4xx): the file is kept with
///   the reason and the UI shows it; retry() or remove() decide.
/// - Transient failures (network, timeout, 429, 5xx, a gateway with observability off) keep the
///   item Queued with a backoff (nextAttemptAt) and retry automatically while the app runs and
///   on the next flush().
/// - 200 without a `feedback_id` (decided for issue 10): the real gateway always answers 200 with
///   `{"feedback_id": "<uuid>"}` (docs/tensorzero-api.md), so such an answer is malformed, not a
///   delivery — something else may be at that address (a proxy or web server answering 200 to
///   everything), and counting it as sent could lose the feedback. It is not retried
///   automatically either, because a gateway that did store it would then get a second row on
///   every backoff. The item becomes Failed with a message saying exactly that; its file stays,
///   and the creator sends it again (retry()) or removes it. Never lost, never resent blindly.
/// - Files that cannot be read as an item (bad JSON, too deep, a field of the wrong type or out
///   of range: `"attempts":"3"`, `"sequence":null`, `"attempts":1e300`) are renamed to
///   `<name>.corrupt` and listed in setAside() with the reason; loading never aborts.
/// - A newer feedback for the same (metric, target) supersedes a Queued older one (changing a
///   vote sends only the latest); comments are never superseded.
class FeedbackOutbox : public QObject {
    Q_OBJECT
public:
    struct Options {
        RetryPolicy backoff{0, 5'000, 2.0, 10 * 60'000, 0.2, 0}; ///< between outbox attempts (maxAttempts unused)
        RetryPolicy sendRetry = RetryPolicy::none();             ///< within one attempt
    };

    FeedbackOutbox(QString folder, TensorZeroClient *client, QObject *parent = nullptr);
    FeedbackOutbox(QString folder, TensorZeroClient *client, Options options, QObject *parent = nullptr);

    /// Stores the item (state Queued) and returns its id; empty if the folder cannot be written.
    QString enqueue(FeedbackItem item);
    /// Sends every Queued item whose backoff has passed, one at a time, oldest first.
    void flush();
    /// Puts a Failed item back in the queue and flushes.
    void retry(const QString &id);
    /// Forgets an item (and deletes its file). Refused while it is being sent.
    bool remove(const QString &id);

    QList<FeedbackItem> items() const;
    FeedbackItem item(const QString &id) const;
    bool isFlushing() const { return m_current != nullptr; }
    QString folder() const { return m_folder; }
    /// Items that are not Sent.
    int pendingCount() const;
    /// One line per outbox file set aside as `.corrupt` when this outbox was loaded, with why.
    QStringList setAside() const { return m_setAside; }

signals:
    void itemChanged(const QString &id);
    /// A flush ended: nothing Queued is due now (items may still wait for their backoff or be Failed).
    void flushed();

private:
    void load();
    void sendNext();
    void onSendFinished(const QString &id, bool ok, const QString &feedbackId, bool retryable, const QString &userMessage,
                        const QString &detail);
    bool persist(FeedbackItem &item);
    QString pathFor(const QString &id) const;
    void scheduleWakeUp();

    QString m_folder;
    TensorZeroClient *m_client;
    Options m_options;
    QHash<QString, FeedbackItem> m_items;
    QPointer<FeedbackJob> m_current;
    QTimer *m_wakeUp;
    bool m_flushRequested = false;
    QStringList m_setAside;
};

} // namespace diy
