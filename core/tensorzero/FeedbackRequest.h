#pragma once

#include <QMap>
#include <QString>

#include <nlohmann/json.hpp>

namespace diy {

/// One /feedback call. `value` is a boolean, a number or (for `comment`) a string.
struct FeedbackRequest {
    enum class Target { Inference, Episode };

    QString metricName;
    nlohmann::json value;
    Target target = Target::Episode;
    QString targetId;
    QMap<QString, QString> tags;
    bool dryrun = false;

    static FeedbackRequest boolean(const QString &metric, bool value, Target target, const QString &id);
    static FeedbackRequest number(const QString &metric, double value, Target target, const QString &id);
    static FeedbackRequest comment(const QString &text, Target target, const QString &id);

    nlohmann::json toJson() const;
};

} // namespace diy
