#include "model/Project.h"

#include "model/JsonReader.h"
#include "model/ScriptPlaceholders.h"
#include "model/UserText.h"
#include "store/ProjectFiles.h"
#include "util/JsonParser.h"

#include <QUuid>

namespace diy {

using nlohmann::json;

namespace {

constexpr int kFirstStepScene = 2; // intro, materials, then the steps

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime readTime(JsonReader &r, const json &j, const QString &path, const char *key, bool required = false)
{
    const QString s = r.string(j, path, key, {}, required, 64);
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    // Years outside 1970–9999 would not survive a save (ISO text of year 0 or 10000 does not read back).
    const int year = t.isValid() ? t.toUTC().date().year() : 0;
    if (!t.isValid() || year < 1970 || year > 9999) {
        r.problem(JsonReader::child(path, QString::fromLatin1(key)),
                  QStringLiteral("is not an ISO 8601 date and time from 1970 to 9999: \"%1\"").arg(s));
        return {};
    }
    return t;
}

constexpr std::size_t kMaxEvaluations = 500;
constexpr int kMaxEvaluationDepth = 32;
constexpr std::size_t kMaxEvaluationBytes = 1024 * 1024;

} // namespace

QString SceneImage::sourceId(Source source)
{
    switch (source) {
    case Source::Card: return QStringLiteral("card");
    case Source::File: return QStringLiteral("file");
    case Source::Generated: return QStringLiteral("generated");
    }
    return QStringLiteral("card");
}

Project Project::create(const QString &name, const Brief &brief)
{
    Project p;
    p.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    p.name = name;
    p.brief = brief;
    p.createdAt = QDateTime::currentDateTimeUtc();
    p.modifiedAt = p.createdAt;
    return p;
}

FieldProblems Project::renderBlockers() const
{
    FieldProblems blockers;
    for (const FieldProblem &problem : brief.validate())
        blockers.append({QStringLiteral("/brief") + problem.path, problem.message});
    if (!script) {
        blockers.append(
            {QStringLiteral("/script"), QStringLiteral("There is no script yet: write or import one on the Script page.")});
        return blockers;
    }
    for (const FieldProblem &problem : script->validate())
        blockers.append(
            {QStringLiteral("/script") + (problem.path == QStringLiteral("/") ? QString() : problem.path), problem.message});
    for (const FieldProblem &problem : ScriptPlaceholders::unfilled(*script))
        blockers.append({QStringLiteral("/script") + problem.path, problem.message});
    return blockers;
}

void Project::recordRender(const RenderRecord &render)
{
    if (feedback.renderHash != render.inputsHash) {
        if (!feedback.isEmpty())
            feedbackHistory.append(feedback);
        feedback = FeedbackState();
        feedback.renderHash = render.inputsHash;
    }
    lastRender = render;
}

const json *Project::currentJudgement() const
{
    if (!lastRender || !evaluations.is_array())
        return nullptr;
    for (auto it = evaluations.rbegin(); it != evaluations.rend(); ++it) {
        if (it->is_object() && it->value("kind", std::string()) == "judge"
            && it->value("renderHash", std::string()) == toStd(lastRender->inputsHash))
            return &*it;
    }
    return nullptr;
}

QList<Scene> Project::scenes() const
{
    return script ? Scene::fromScript(*script) : QList<Scene>{};
}

void Project::syncSceneImages()
{
    const qsizetype n = script ? qsizetype(script->steps.size()) + 3 : 0;
    while (sceneImages.size() < n)
        sceneImages.append(SceneImage{});
    while (sceneImages.size() > n)
        sceneImages.removeLast();
}

void Project::moveStep(int from, int to)
{
    if (!script || from == to || from < 0 || to < 0 || from >= script->steps.size() || to >= script->steps.size())
        return;
    syncSceneImages();
    script->steps.move(from, to);
    sceneImages.move(kFirstStepScene + from, kFirstStepScene + to);
    script->renumberSteps();
}

void Project::removeStep(int index)
{
    if (!script || index < 0 || index >= script->steps.size())
        return;
    syncSceneImages();
    script->steps.removeAt(index);
    sceneImages.removeAt(kFirstStepScene + index);
    script->renumberSteps();
}

void Project::insertStep(int index, const Script::Step &step)
{
    if (!script)
        return;
    syncSceneImages();
    index = std::clamp(index, 0, int(script->steps.size()));
    script->steps.insert(index, step);
    sceneImages.insert(kFirstStepScene + index, SceneImage{});
    script->renumberSteps();
}

void Project::moveSceneImage(int from, int to)
{
    syncSceneImages();
    if (from == to || from < 0 || to < 0 || from >= sceneImages.size() || to >= sceneImages.size())
        return;
    sceneImages.move(from, to);
}

void Project::swapSceneImages(int a, int b)
{
    syncSceneImages();
    if (a == b || a < 0 || b < 0 || a >= sceneImages.size() || b >= sceneImages.size())
        return;
    sceneImages.swapItemsAt(a, b);
}

json Project::toJson() const
{
    json images = json::array();
    for (const SceneImage &img : sceneImages)
        images.push_back(json{{"source", toStd(SceneImage::sourceId(img.source))},
                              {"file", toStd(img.file)},
                              {"sha256", toStd(img.sha256)},
                              {"originalName", toStd(img.originalName)},
                              {"locked", img.locked},
                              {"prompt", toStd(img.prompt)},
                              {"generationKey", toStd(img.generationKey)},
                              {"provider", toStd(img.provider)},
                              {"model", toStd(img.model)}});
    json inf = json::array();
    for (const InferenceRecord &r : inferences)
        inf.push_back(r.toJson());
    json runList = json::array();
    for (const RunRecord &r : runs) {
        json stages = json::object();
        for (const auto &[stage, secs] : r.stageSeconds)
            stages[toStd(stage)] = secs;
        runList.push_back(json{{"kind", toStd(r.kind)},
                               {"outcome", toStd(r.outcome)},
                               {"startedAt", toStd(isoTime(r.startedAt))},
                               {"finishedAt", toStd(isoTime(r.finishedAt))},
                               {"seconds", r.seconds},
                               {"costUsd", r.costUsd},
                               {"stageSeconds", stages},
                               {"itemsReused", r.itemsReused},
                               {"itemsMade", r.itemsMade},
                               {"message", toStd(r.message)}});
    }
    auto feedbackJson = [](const FeedbackState &f) {
        json fb{{"renderHash", toStd(f.renderHash)},
                {"vote", toStd(f.vote)},
                {"comment", toStd(f.comment)},
                {"outboxIds", json::array()},
                {"updatedAt", toStd(isoTime(f.updatedAt))}};
        for (const QString &outboxId : f.outboxIds)
            fb["outboxIds"].push_back(toStd(outboxId));
        return fb;
    };
    const json fb = feedbackJson(feedback);
    json history = json::array();
    for (const FeedbackState &f : feedbackHistory)
        history.push_back(feedbackJson(f));
    json doc{{"schemaVersion", kSchemaVersion},
             {"id", toStd(id)},
             {"name", toStd(name)},
             {"createdAt", toStd(isoTime(createdAt))},
             {"modifiedAt", toStd(isoTime(modifiedAt))},
             {"brief", brief.toJson()},
             {"script", script ? script->toJson() : json(nullptr)},
             {"scriptOrigin", scriptOrigin ? scriptOrigin->toJson() : json(nullptr)},
             {"sceneImages", images},
             {"pictures", json{{"provider", toStd(imageProvider)},
                               {"style", toStd(imageStyle)},
                               {"promptsOrigin", promptsOrigin ? promptsOrigin->toJson() : json(nullptr)}}},
             {"tensorzero", json{{"episodeId", toStd(episodeId)}, {"inferences", inf}}},
             {"evaluations", evaluations},
             {"feedback", fb},
             {"feedbackHistory", history},
             {"runs", runList},
             {"lastRender", nullptr}};
    if (lastRender)
        doc["lastRender"] = json{{"output", toStd(lastRender->output)},
                                 {"inputsHash", toStd(lastRender->inputsHash)},
                                 {"durationMs", lastRender->durationMs},
                                 {"reportFile", toStd(lastRender->reportFile)},
                                 {"finishedAt", toStd(isoTime(lastRender->finishedAt))}};
    return doc;
}

Project Project::fromJson(const json &j, FieldProblems *problems)
{
    JsonReader r(problems);
    Project p;
    const QString root;
    if (!j.is_object()) {
        r.problem(QStringLiteral("/"), QStringLiteral("A project file must hold a JSON object."));
        return p;
    }
    if (!j.contains("schemaVersion")) {
        r.problem(QStringLiteral("/schemaVersion"), QStringLiteral("is missing: this is not a DIY Video Studio project file"));
        return p;
    }
    const std::optional<qint64> schemaVersion = JsonParser::wholeNumber(j.at("schemaVersion"));
    if (!schemaVersion) {
        r.problem(QStringLiteral("/schemaVersion"), QStringLiteral("must be a whole number"));
        return p;
    }
    const qint64 version = *schemaVersion;
    if (version > kSchemaVersion) {
        r.problem(QStringLiteral("/schemaVersion"),
                  QStringLiteral("This project was saved by a newer DIY Video Studio (project format %1; this "
                                 "version reads up to format %2). Update the studio to open it; the file was "
                                 "left untouched.")
                      .arg(version)
                      .arg(kSchemaVersion));
        return p;
    }
    if (version < 1) {
        r.problem(QStringLiteral("/schemaVersion"), QStringLiteral("must be 1 or more, not %1").arg(version));
        return p;
    }

    p.id = r.string(j, root, "id", {}, true, 100);
    p.name = r.string(j, root, "name", {}, true, 200);
    p.createdAt = readTime(r, j, root, "createdAt");
    p.modifiedAt = readTime(r, j, root, "modifiedAt");
    if (const json *b = r.object(j, root, "brief"))
        p.brief = Brief::fromJson(*b, QStringLiteral("/brief"), problems);

    if (j.contains("script") && !j.at("script").is_null()) {
        auto script = Script::fromJson(j.at("script"), QStringLiteral("/script"), problems);
        if (script)
            p.script = *script;
    }

    // Optional (added within format 1): older files have no scriptOrigin and older studios ignore it.
    if (j.contains("scriptOrigin") && !j.at("scriptOrigin").is_null()) {
        if (auto origin = InferenceRecord::fromJson(j.at("scriptOrigin")))
            p.scriptOrigin = *origin;
        else
            r.problem(QStringLiteral("/scriptOrigin"), QStringLiteral("is not an inference record (function, inferenceId, …)"));
    }

    if (const json *imgs = r.array(j, root, "sceneImages", false)) {
        for (std::size_t i = 0; i < imgs->size(); ++i) {
            const QString path = JsonReader::child(QStringLiteral("/sceneImages"), i);
            const json &e = imgs->at(i);
            if (!e.is_object()) {
                r.problem(path, QStringLiteral("must be an object"));
                continue;
            }
            SceneImage img;
            const QString src =
                r.oneOf(e, path, "source", {QStringLiteral("card"), QStringLiteral("file"), QStringLiteral("generated")},
                        QStringLiteral("card"));
            img.source = src == QStringLiteral("file")        ? SceneImage::Source::File
                         : src == QStringLiteral("generated") ? SceneImage::Source::Generated
                                                              : SceneImage::Source::Card;
            img.file = r.string(e, path, "file", {}, false, 1024);
            img.sha256 = r.string(e, path, "sha256", {}, false, 64);
            img.originalName = r.string(e, path, "originalName", {}, false, 1024);
            img.locked = r.boolean(e, path, "locked", false, false);
            img.prompt = r.string(e, path, "prompt", {}, false, 4000);
            img.generationKey = r.string(e, path, "generationKey", {}, false, 64);
            img.provider = r.string(e, path, "provider", {}, false, 64);
            img.model = r.string(e, path, "model", {}, false, 128);
            if (img.source != SceneImage::Source::Card && !img.isPendingGeneration()) {
                if (const QString why = ProjectFiles::pathProblem(img.file); !why.isEmpty())
                    r.problem(JsonReader::child(path, QStringLiteral("file")), why);
            }
            p.sceneImages.append(img);
        }
    }
    p.syncSceneImages();

    // Optional (added within format 1): AI pictures.
    if (const json *pictures = r.object(j, root, "pictures", false)) {
        const QString path = QStringLiteral("/pictures");
        p.imageProvider =
            r.oneOf(*pictures, path, "provider", {QStringLiteral("cards"), QStringLiteral("gemini"), QStringLiteral("openai")},
                    QStringLiteral("cards"));
        p.imageStyle = r.string(*pictures, path, "style", {}, false, 2000);
        if (pictures->contains("promptsOrigin") && !pictures->at("promptsOrigin").is_null()) {
            if (auto origin = InferenceRecord::fromJson(pictures->at("promptsOrigin")))
                p.promptsOrigin = *origin;
            else
                r.problem(QStringLiteral("/pictures/promptsOrigin"),
                          QStringLiteral("is not an inference record (function, inferenceId, …)"));
        }
    }

    if (const json *tz = r.object(j, root, "tensorzero", false)) {
        const QString tzPath = QStringLiteral("/tensorzero");
        p.episodeId = r.string(*tz, tzPath, "episodeId", {}, false, 64);
        if (const json *inf = r.array(*tz, tzPath, "inferences", false)) {
            for (std::size_t i = 0; i < inf->size(); ++i) {
                const auto rec = InferenceRecord::fromJson(inf->at(i));
                if (rec)
                    p.inferences.append(*rec);
                else
                    r.problem(JsonReader::child(tzPath + QStringLiteral("/inferences"), i),
                              QStringLiteral("is not an inference record (function, inferenceId, …)"));
            }
        }
    }
    if (j.contains("evaluations")) {
        // Free JSON (the judge's answers): bounded in count, depth and size before it is kept.
        const json &evaluations = j.at("evaluations");
        if (!evaluations.is_array()) {
            r.problem(QStringLiteral("/evaluations"), QStringLiteral("must be an array"));
        } else if (evaluations.size() > kMaxEvaluations) {
            r.problem(QStringLiteral("/evaluations"),
                      QStringLiteral("has %1 entries; at most %2").arg(evaluations.size()).arg(kMaxEvaluations));
        } else {
            bool fine = true;
            for (std::size_t i = 0; i < evaluations.size() && fine; ++i) {
                const QString path = JsonReader::child(QStringLiteral("/evaluations"), i);
                if (JsonParser::depth(evaluations.at(i), kMaxEvaluationDepth) > kMaxEvaluationDepth) {
                    r.problem(path, QStringLiteral("is nested too deeply (more than %1 levels)").arg(kMaxEvaluationDepth));
                    fine = false;
                } else if (evaluations.at(i).dump().size() > kMaxEvaluationBytes) {
                    r.problem(path, QStringLiteral("is too large (over %1 KB)").arg(kMaxEvaluationBytes / 1024));
                    fine = false;
                }
            }
            if (fine)
                p.evaluations = evaluations;
        }
    }
    auto readFeedback = [&](const json &fb, const QString &path) {
        FeedbackState f;
        f.renderHash = r.string(fb, path, "renderHash", {}, false, 128);
        f.vote = r.oneOf(fb, path, "vote", {QStringLiteral("up"), QStringLiteral("down"), QString()}, QString(), false);
        f.comment = r.string(fb, path, "comment", {}, false, 5000);
        if (const json *ids = r.array(fb, path, "outboxIds", false)) {
            for (const json &id : *ids)
                if (id.is_string() && id.get_ref<const std::string &>().size() <= 100 && f.outboxIds.size() < 1000)
                    f.outboxIds.append(toQString(id.get<std::string>()));
        }
        f.updatedAt = readTime(r, fb, path, "updatedAt");
        return f;
    };
    if (const json *fb = r.object(j, root, "feedback", false))
        p.feedback = readFeedback(*fb, QStringLiteral("/feedback"));
    if (const json *history = r.array(j, root, "feedbackHistory", false)) {
        for (std::size_t i = 0; i < history->size(); ++i) {
            const QString path = JsonReader::child(QStringLiteral("/feedbackHistory"), i);
            if (history->at(i).is_object())
                p.feedbackHistory.append(readFeedback(history->at(i), path));
            else
                r.problem(path, QStringLiteral("must be an object"));
        }
    }
    if (const json *runs = r.array(j, root, "runs", false)) {
        for (std::size_t i = 0; i < runs->size(); ++i) {
            const QString path = JsonReader::child(QStringLiteral("/runs"), i);
            const json &e = runs->at(i);
            RunRecord run;
            run.kind = r.string(e, path, "kind", QStringLiteral("render"), false);
            run.outcome = r.string(e, path, "outcome", {}, false);
            run.startedAt = readTime(r, e, path, "startedAt");
            run.finishedAt = readTime(r, e, path, "finishedAt");
            run.seconds = r.number(e, path, "seconds", 0.0, 0.0, 1e9, false);
            run.costUsd = r.number(e, path, "costUsd", 0.0, 0.0, 1e9, false);
            run.itemsReused = r.integer(e, path, "itemsReused", 0, 0, 1000000, false);
            run.itemsMade = r.integer(e, path, "itemsMade", 0, 0, 1000000, false);
            run.message = r.string(e, path, "message", {}, false);
            if (const json *st = r.object(e, path, "stageSeconds", false)) {
                for (auto it = st->begin(); it != st->end(); ++it)
                    if (it.value().is_number() && run.stageSeconds.size() < 64)
                        run.stageSeconds[toQString(it.key().substr(0, 64))] = it.value().get<double>();
            }
            p.runs.append(run);
        }
    }
    if (j.contains("lastRender") && !j.at("lastRender").is_null()) {
        if (const json *lr = r.object(j, root, "lastRender", false)) {
            const QString path = QStringLiteral("/lastRender");
            RenderRecord rec;
            rec.output = r.string(*lr, path, "output");
            rec.inputsHash = r.string(*lr, path, "inputsHash", {}, false);
            rec.durationMs = r.integer(*lr, path, "durationMs", 0, 0, std::numeric_limits<int>::max(), false);
            rec.reportFile = r.string(*lr, path, "reportFile", {}, false);
            rec.finishedAt = readTime(r, *lr, path, "finishedAt");
            if (const QString why = ProjectFiles::pathProblem(rec.output); !why.isEmpty())
                r.problem(path + QStringLiteral("/output"), why);
            if (!rec.reportFile.isEmpty())
                if (const QString why = ProjectFiles::pathProblem(rec.reportFile); !why.isEmpty())
                    r.problem(path + QStringLiteral("/reportFile"), why);
            p.lastRender = rec;
        }
    }
    // Projects from before ratings were tied to a render: the rating is about the last video.
    const bool legacyFeedback = j.contains("feedback") && j.at("feedback").is_object() && !j.at("feedback").contains("renderHash");
    if (legacyFeedback && p.lastRender)
        p.feedback.renderHash = p.lastRender->inputsHash;
    return p;
}

} // namespace diy
