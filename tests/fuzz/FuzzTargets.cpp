#include "FuzzTargets.h"

#include "model/Script.h"
#include "model/ScriptValidator.h"
#include "store/ProjectStore.h"
#include "tensorzero/FeedbackItem.h"
#include "tensorzero/InferenceResponse.h"
#include "util/JsonParser.h"

#include <cstdio>
#include <cstdlib>

namespace diy::fuzz {

namespace {
[[noreturn]] void broken(const char *what, const QString &detail)
{
    std::fprintf(stderr, "fuzz invariant broken: %s: %s\n", what, detail.toUtf8().constData());
    std::abort();
}
} // namespace

void projectLoader(const QByteArray &bytes)
{
    FieldProblems problems;
    const Result<Project> project = ProjectStore::parse(bytes, QStringLiteral("project.json"), &problems);
    if (!project) {
        if (problems.isEmpty())
            broken("a refused project lists no problem", project.error().message);
        return;
    }
    // What we accept we must be able to save and read back identically.
    const QByteArray saved = ProjectStore::serialize(*project);
    const Result<Project> again = ProjectStore::parse(saved, QStringLiteral("saved project.json"));
    if (!again)
        broken("a saved project does not load", again.error().detail);
    (void)project->scenes();
}

void outboxItem(const QByteArray &bytes)
{
    const Result<FeedbackItem> item = FeedbackItem::read(bytes, QStringLiteral("item.json"));
    if (!item)
        return;
    const std::string text = item->toJson().dump();
    const Result<FeedbackItem> again = FeedbackItem::read(QByteArray::fromStdString(text), QStringLiteral("rewritten item.json"));
    if (!again)
        broken("a rewritten outbox item does not read", again.error().message);
    if (again->id != item->id || again->attempts != item->attempts || again->sequence != item->sequence)
        broken("an outbox item changed on rewrite", item->id);
    (void)item->toRequest().toJson();
}

void scriptValidator(const QByteArray &bytes)
{
    const Result<nlohmann::json> json = JsonParser::parse(bytes, QStringLiteral("script.json"), {1 << 20, 64});
    if (!json)
        return;
    (void)ScriptValidator::validate(*json, QStringLiteral("/script"));
    FieldProblems problems;
    const Result<Script> script = Script::fromJson(*json, QStringLiteral("/script"), &problems);
    if (!script) {
        if (problems.isEmpty())
            broken("a refused script lists no problem", script.error().message);
        return;
    }
    (void)script->spokenWordCount();
    const FieldProblems again = script->validate();
    if (!again.isEmpty())
        broken("an accepted script does not validate after a round trip",
               again.first().path + QLatin1Char(' ') + again.first().message);
}

void inferenceResponse(const QByteArray &bytes)
{
    const Result<InferenceResponse> response = InferenceResponse::parse(bytes);
    if (!response)
        return;
    if (response->inferenceId.isEmpty() || response->episodeId.isEmpty() || response->inputTokens < 0 || response->outputTokens < 0)
        broken("an accepted answer lacks ids or has negative tokens", response->inferenceId);
    (void)response->parsed.dump();
}

QStringList targetNames()
{
    return {QStringLiteral("project_loader"), QStringLiteral("outbox_item"), QStringLiteral("script_validator"),
            QStringLiteral("inference_response")};
}

bool run(const QString &target, const QByteArray &bytes)
{
    if (target == QStringLiteral("project_loader"))
        projectLoader(bytes);
    else if (target == QStringLiteral("outbox_item"))
        outboxItem(bytes);
    else if (target == QStringLiteral("script_validator"))
        scriptValidator(bytes);
    else if (target == QStringLiteral("inference_response"))
        inferenceResponse(bytes);
    else
        return false;
    return true;
}

} // namespace diy::fuzz
