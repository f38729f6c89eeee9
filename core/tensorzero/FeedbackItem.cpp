#include "tensorzero/FeedbackItem.h"

#include "util/JsonParser.h"

#include <limits>

namespace diy {

namespace {
std::string iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs).toStdString() : std::string();
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

Result<FeedbackItem> FeedbackItem::read(const QByteArray &bytes, const QString &what)
{
    Result<nlohmann::json> json = JsonParser::parse(bytes, what, {kMaxFileBytes, kMaxDepth});
    if (!json)
        return json.error();
    return fromJson(*json, what);
}

Result<FeedbackItem> FeedbackItem::fromJson(const nlohmann::json &j, const QString &what)
{
    // Every field is checked for its type and range: a file edited by hand or damaged on disk
    // gets a message and is set aside, never an exception.
    auto bad = [&](const QString &why) { return Error::invalidInput(QStringLiteral("%1: %2").arg(what, why)); };
    if (!j.is_object())
        return bad(QStringLiteral("not a JSON object"));
    auto text = [&](const char *key, bool required, QString *out) -> QString {
        if (!j.contains(key)) {
            return required ? QStringLiteral("\"%1\" is missing").arg(QLatin1String(key)) : QString();
        }
        const nlohmann::json &v = j.at(key);
        if (!v.is_string())
            return QStringLiteral("\"%1\" must be a string, not %2").arg(QLatin1String(key), QLatin1String(v.type_name()));
        const std::string &raw = v.get_ref<const std::string &>();
        if (raw.size() > kMaxTextBytes)
            return QStringLiteral("\"%1\" is too long (%2 bytes)").arg(QLatin1String(key)).arg(raw.size());
        *out = QString::fromUtf8(raw.data(), qsizetype(raw.size()));
        if (required && out->isEmpty())
            return QStringLiteral("\"%1\" is empty").arg(QLatin1String(key));
        return {};
    };
    auto whole = [&](const char *key, qint64 maximum, qint64 *out) -> QString {
        if (!j.contains(key))
            return {};
        const auto n = JsonParser::wholeNumber(j.at(key), 0, maximum);
        if (!n)
            return QStringLiteral("\"%1\" must be a whole number from 0 to %2, not %3")
                .arg(QLatin1String(key))
                .arg(maximum)
                .arg(QString::fromStdString(j.at(key).dump()).left(40));
        *out = *n;
        return {};
    };
    auto dateTime = [&](const char *key, QDateTime *out) -> QString {
        QString s;
        if (QString why = text(key, false, &s); !why.isEmpty())
            return why;
        if (s.isEmpty())
            return {};
        *out = QDateTime::fromString(s, Qt::ISODateWithMs);
        const int year = out->isValid() ? out->toUTC().date().year() : 0;
        return year >= 1970 && year <= 9999
                   ? QString()
                   : QStringLiteral("\"%1\" is not a date and time from 1970 to 9999").arg(QLatin1String(key));
    };

    FeedbackItem item;
    QString state;
    QString target;
    qint64 attempts = 0;
    QStringList problems;
    auto check = [&](const QString &why) {
        if (!why.isEmpty())
            problems.append(why);
    };
    check(text("id", true, &item.id));
    check(text("metric", true, &item.metric));
    check(text("target_id", true, &item.targetId));
    check(text("target", false, &target));
    check(text("state", false, &state));
    check(text("last_error", false, &item.lastError));
    check(text("user_message", false, &item.userMessage));
    check(text("feedback_id", false, &item.feedbackId));
    check(whole("attempts", kMaxAttempts, &attempts));
    check(whole("sequence", std::numeric_limits<qint64>::max(), &item.sequence));
    check(dateTime("created_at", &item.createdAt));
    check(dateTime("updated_at", &item.updatedAt));
    check(dateTime("next_attempt_at", &item.nextAttemptAt));
    item.attempts = int(attempts);
    // The id names the item's file: nothing that could leave the outbox folder.
    if (!item.id.isEmpty()
        && (item.id.contains(QLatin1Char('/')) || item.id.contains(QLatin1Char('\\')) || item.id.startsWith(QLatin1Char('.'))
            || item.id.size() > 100))
        problems.append(QStringLiteral("\"id\" is not a valid item id"));

    if (!j.contains("value")) {
        problems.append(QStringLiteral("\"value\" is missing"));
    } else {
        const nlohmann::json &v = j.at("value");
        if (v.is_boolean())
            item.value = v.get<bool>();
        else if (v.is_number())
            item.value = v.get<double>();
        else if (v.is_string() && v.get_ref<const std::string &>().size() <= kMaxTextBytes)
            item.value = QString::fromStdString(v.get<std::string>());
        else
            problems.append(QStringLiteral("\"value\" must be true/false, a number or a string"));
    }
    if (target == QStringLiteral("inference"))
        item.target = FeedbackRequest::Target::Inference;
    else if (target.isEmpty() || target == QStringLiteral("episode"))
        item.target = FeedbackRequest::Target::Episode;
    else
        problems.append(QStringLiteral("\"target\" must be \"episode\" or \"inference\", not \"%1\"").arg(target.left(40)));

    if (j.contains("tags")) {
        const nlohmann::json &tags = j.at("tags");
        if (!tags.is_object() || tags.size() > 64) {
            problems.append(QStringLiteral("\"tags\" must be an object of at most 64 strings"));
        } else {
            for (auto it = tags.begin(); it != tags.end(); ++it) {
                if (!it->is_string() || it->get_ref<const std::string &>().size() > kMaxTextBytes || it.key().size() > 200) {
                    problems.append(QStringLiteral("tag \"%1\" must be a string").arg(QString::fromStdString(it.key()).left(40)));
                    break;
                }
                item.tags.insert(QString::fromStdString(it.key()), QString::fromStdString(it->get<std::string>()));
            }
        }
    }
    if (state.isEmpty() || state == QStringLiteral("queued"))
        item.state = State::Queued;
    else if (state == QStringLiteral("sending"))
        item.state = State::Sending;
    else if (state == QStringLiteral("sent"))
        item.state = State::Sent;
    else if (state == QStringLiteral("failed"))
        item.state = State::Failed;
    else
        problems.append(QStringLiteral("\"state\" is unknown: \"%1\"").arg(state.left(40)));

    if (!problems.isEmpty())
        return bad(problems.join(QStringLiteral("; ")));
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
