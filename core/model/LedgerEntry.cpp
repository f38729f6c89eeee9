#include "model/LedgerEntry.h"

#include "model/JsonReader.h"

namespace diy {

using nlohmann::json;

LedgerEntry LedgerEntry::fromInference(const InferenceRecord &record, const QString &what)
{
    LedgerEntry e;
    e.at = record.finishedAt.isValid() ? record.finishedAt : QDateTime::currentDateTimeUtc();
    e.what = what;
    e.stage = record.stage;
    e.provider = QStringLiteral("tensorzero");
    e.model = record.model;
    e.functionName = record.functionName;
    e.variant = record.variantName;
    e.callId = record.inferenceId;
    e.inputTokens = record.inputTokens;
    e.outputTokens = record.outputTokens;
    e.costUsd = record.costUsd.value_or(0.0);
    e.costSource = record.costUsd ? (record.costSource.isEmpty() ? QStringLiteral("gateway") : record.costSource)
                                  : QStringLiteral("unknown");
    e.seconds = double(record.durationMs) / 1000.0;
    return e;
}

json LedgerEntry::toJson() const
{
    return json{{"at", toStd(at.toUTC().toString(Qt::ISODateWithMs))},
                {"what", toStd(what)},
                {"stage", toStd(stage)},
                {"provider", toStd(provider)},
                {"model", toStd(model)},
                {"function", toStd(functionName)},
                {"variant", toStd(variant)},
                {"callId", toStd(callId)},
                {"inputTokens", inputTokens},
                {"outputTokens", outputTokens},
                {"pictures", pictures},
                {"costUsd", costUsd},
                {"costSource", toStd(costSource)},
                {"seconds", seconds}};
}

LedgerEntry LedgerEntry::fromJson(const json &j, const QString &path, FieldProblems *problems)
{
    JsonReader r(problems);
    LedgerEntry e;
    if (!j.is_object()) {
        r.problem(path, QStringLiteral("must be an object"));
        return e;
    }
    const QString at = r.string(j, path, "at", {}, true, 64);
    e.at = QDateTime::fromString(at, Qt::ISODateWithMs);
    if (!at.isEmpty() && !e.at.isValid())
        r.problem(JsonReader::child(path, QStringLiteral("at")), QStringLiteral("is not an ISO 8601 date and time"));
    e.what = r.string(j, path, "what", {}, true, 200);
    e.stage = r.string(j, path, "stage", {}, false, 64);
    e.provider = r.string(j, path, "provider", {}, false, 64);
    e.model = r.string(j, path, "model", {}, false, 200);
    e.functionName = r.string(j, path, "function", {}, false, 200);
    e.variant = r.string(j, path, "variant", {}, false, 200);
    e.callId = r.string(j, path, "callId", {}, false, 200);
    e.inputTokens = qint64(r.number(j, path, "inputTokens", 0, 0, 1e12, false));
    e.outputTokens = qint64(r.number(j, path, "outputTokens", 0, 0, 1e12, false));
    e.pictures = r.integer(j, path, "pictures", 0, 0, 1000000, false);
    e.costUsd = r.number(j, path, "costUsd", 0.0, 0.0, 1e9, false);
    e.costSource = r.string(j, path, "costSource", {}, false, 32);
    e.seconds = r.number(j, path, "seconds", 0.0, 0.0, 1e9, false);
    return e;
}

} // namespace diy
