#pragma once

#include "tensorzero/FeedbackRequest.h"
#include "util/Result.h"

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QVariant>

#include <nlohmann/json.hpp>

#include <optional>

namespace diy {

/// One feedback waiting in (or passed through) the FeedbackOutbox. Stored as one JSON file.
struct FeedbackItem {
    enum class State {
        Queued,  ///< on disk, not sent yet (or a transient failure; see nextAttemptAt)
        Sending, ///< a request is in flight (or was when the app stopped: resent on the next start)
        Sent,    ///< the gateway accepted it; its file is gone
        Failed,  ///< the gateway refused it (4xx); kept with the reason until retried or removed
    };

    QString id;     ///< set by enqueue(); also sent as tag "diy_feedback_id"
    QString metric; ///< e.g. "user_satisfaction", "comment"
    QVariant value; ///< bool, double or QString
    FeedbackRequest::Target target = FeedbackRequest::Target::Episode;
    QString targetId; ///< inference_id or episode_id
    QMap<QString, QString> tags;
    State state = State::Queued;
    int attempts = 0;
    QString lastError;   ///< technical detail of the last failure
    QString userMessage; ///< what the UI shows for a failure
    QString feedbackId;  ///< the gateway's id once sent
    qint64 sequence = 0; ///< enqueue order (timestamps can tie); set by enqueue()
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime nextAttemptAt; ///< transient failure: not before this time

    static FeedbackItem userSatisfaction(const QString &episodeId, bool thumbsUp);
    static FeedbackItem comment(const QString &episodeId, const QString &text);

    FeedbackRequest toRequest() const;
    nlohmann::json toJson() const;
    static constexpr qint64 kMaxFileBytes = 1024 * 1024;
    static constexpr int kMaxDepth = 8;
    static constexpr std::size_t kMaxTextBytes = 64 * 1024;
    static constexpr qint64 kMaxAttempts = 1'000'000;

    /// Reads one outbox file's bytes (the outbox item reader). Anything malformed — bad JSON,
    /// too deep, a field of the wrong type ("attempts": "3", "sequence": null), out of range
    /// ("attempts": 1e300) — is an Error whose message says which field, never an exception.
    static Result<FeedbackItem> read(const QByteArray &bytes, const QString &what);
    static Result<FeedbackItem> fromJson(const nlohmann::json &json, const QString &what);
};

QString toString(FeedbackItem::State state);

} // namespace diy
