#include "tensorzero/FeedbackRequest.h"

namespace diy {

FeedbackRequest FeedbackRequest::boolean(const QString &metric, bool value, Target target, const QString &id)
{
    return {metric, value, target, id, {}, false};
}

FeedbackRequest FeedbackRequest::number(const QString &metric, double value, Target target, const QString &id)
{
    return {metric, value, target, id, {}, false};
}

FeedbackRequest FeedbackRequest::comment(const QString &text, Target target, const QString &id)
{
    return {QStringLiteral("comment"), text.toStdString(), target, id, {}, false};
}

nlohmann::json FeedbackRequest::toJson() const
{
    nlohmann::json body = {{"metric_name", metricName.toStdString()}, {"value", value}};
    body[target == Target::Inference ? "inference_id" : "episode_id"] = targetId.toStdString();
    if (!tags.isEmpty()) {
        nlohmann::json t = nlohmann::json::object();
        for (auto it = tags.cbegin(); it != tags.cend(); ++it)
            t[it.key().toStdString()] = it.value().toStdString();
        body["tags"] = t;
    }
    if (dryrun)
        body["dryrun"] = true;
    return body;
}

} // namespace diy
