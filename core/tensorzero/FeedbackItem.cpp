#include "tensorzero/FeedbackItem.h"

namespace diy {

namespace {
std::string iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs).toStdString() : std::string();
}
QDateTime fromIso(const nlohmann::json &j, const char *key)
{
    if (!j.contains(key) || !j[key].is_string())
        return {};
    return QDateTime::fromString(QString::fromStdString(j[key].get<std::string>()), Qt::ISODateWithMs);
}
QString qs(const nlohmann::json &j, const char *key)
{
    return j.contains(key) && j[key].is_string() ? QString::fromStdString(j[key].get<std::string>()) : QString();
}
} // namespace

FeedbackItem FeedbackItem::userSatisfaction(const QString &episodeId, bool thumbsUp)
{
    FeedbackItem item;
    item.metric = QStringLiteral("user_satisfaction");
    item.value = thumbsUp;
    item.target = FeedbackRequest::Target::Episode;
    item.targetId = episodeId;
    return item;
}

FeedbackItem FeedbackItem::comment(const QString &episodeId, const QString &text)
{
    FeedbackItem item;
    item.metric = QStringLiteral("comment");
    item.value = text;
    item.target = FeedbackRequest::Target::Episode;
    item.targetId = episodeId;
    return item;
}

FeedbackRequest FeedbackItem::toRequest() const
{
    FeedbackRequest r;
    r.metricName = metric;
    switch (value.typeId()) {
    case QMetaType::Bool: r.value = value.toBool(); break;
    case QMetaType::QString: r.value = value.toString().toStdString(); break;
    default: r.value = value.toDouble(); break;
    }
    r.target = target;
    r.targetId = targetId;
    r.tags = tags;
    r.tags.insert(QStringLiteral("diy_feedback_id"), id);
    return r;
}

nlohmann::json FeedbackItem::toJson() const
{
    nlohmann::json v;
    switch (value.typeId()) {
    case QMetaType::Bool: v = value.toBool(); break;
    case QMetaType::QString: v = value.toString().toStdString(); break;
    default: v = value.toDouble(); break;
    }
    nlohmann::json t = nlohmann::json::object();
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        t[it.key().toStdString()] = it.value().toStdString();
    return {{"format", 1},
            {"id", id.toStdString()},
            {"metric", metric.toStdString()},
            {"value", v},
            {"target", target == FeedbackRequest::Target::Inference ? "inference" : "episode"},
            {"target_id", targetId.toStdString()},
            {"tags", t},
            {"state", toString(state).toStdString()},
            {"attempts", attempts},
            {"last_error", lastError.toStdString()},
            {"user_message", userMessage.toStdString()},
            {"feedback_id", feedbackId.toStdString()},
            {"sequence", sequence},
            {"created_at", iso(createdAt)},
            {"updated_at", iso(updatedAt)},
            {"next_attempt_at", iso(nextAttemptAt)}};
}

std::optional<FeedbackItem> FeedbackItem::fromJson(const nlohmann::json &j)
{
    if (!j.is_object() || !j.contains("value"))
        return std::nullopt;
    FeedbackItem item;
    item.id = qs(j, "id");
    item.metric = qs(j, "metric");
    item.targetId = qs(j, "target_id");
    if (item.id.isEmpty() || item.metric.isEmpty() || item.targetId.isEmpty())
        return std::nullopt;
    const nlohmann::json &v = j["value"];
    if (v.is_boolean())
        item.value = v.get<bool>();
    else if (v.is_number())
        item.value = v.get<double>();
    else if (v.is_string())
        item.value = QString::fromStdString(v.get<std::string>());
    else
        return std::nullopt;
    item.target = qs(j, "target") == QStringLiteral("inference") ? FeedbackRequest::Target::Inference
                                                                  : FeedbackRequest::Target::Episode;
    if (j.contains("tags") && j["tags"].is_object()) {
        for (auto it = j["tags"].begin(); it != j["tags"].end(); ++it) {
            if (it->is_string())
                item.tags.insert(QString::fromStdString(it.key()), QString::fromStdString(it->get<std::string>()));
        }
    }
    const QString state = qs(j, "state");
    item.state = state == QStringLiteral("sending") ? State::Sending
                 : state == QStringLiteral("sent")  ? State::Sent
                 : state == QStringLiteral("failed") ? State::Failed
                                                     : State::Queued;
    item.attempts = j.value("attempts", 0);
    item.lastError = qs(j, "last_error");
    item.userMessage = qs(j, "user_message");
    item.feedbackId = qs(j, "feedback_id");
    item.sequence = j.value("sequence", qint64(0));
    item.createdAt = fromIso(j, "created_at");
    item.updatedAt = fromIso(j, "updated_at");
    item.nextAttemptAt = fromIso(j, "next_attempt_at");
    return item;
}

QString toString(FeedbackItem::State state)
{
    switch (state) {
    case FeedbackItem::State::Queued: return QStringLiteral("queued");
    case FeedbackItem::State::Sending: return QStringLiteral("sending");
    case FeedbackItem::State::Sent: return QStringLiteral("sent");
    case FeedbackItem::State::Failed: return QStringLiteral("failed");
    }
    return {};
}

} // namespace diy
