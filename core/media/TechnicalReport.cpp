#include "media/TechnicalReport.h"

#include "model/JsonReader.h"
#include "util/AtomicFile.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace diy {

using nlohmann::json;

QList<qint64> TechnicalReport::sceneStarts() const
{
    QList<qint64> out;
    for (const Scene &s : scenes)
        out.append(s.offsetMs);
    return out;
}

QStringList TechnicalReport::sceneLabels() const
{
    QStringList out;
    for (const Scene &s : scenes)
        out.append(s.label);
    return out;
}

json TechnicalReport::toJson() const
{
    json j = merged;
    json sceneList = json::array();
    for (const Scene &s : scenes)
        sceneList.push_back(json{
            {"scene", toStd(s.label)},
            {"offsetMs", s.offsetMs},
            {"durationMs", s.durationMs},
            {"integratedLufs", s.integratedLufs && std::isfinite(*s.integratedLufs) ? json(*s.integratedLufs) : json(nullptr)},
            {"findings", s.findings}});
    j["scenes"] = sceneList;
    j["targetDurationSeconds"] = targetDurationSeconds;
    const ProbeInfo &p = merged.probe;
    j["video"] = json{{"durationMs", p.durationMs},          {"width", p.videoSize.width()},
                      {"height", p.videoSize.height()},      {"videoCodec", toStd(p.videoCodec)},
                      {"pixelFormat", toStd(p.pixelFormat)}, {"audioCodec", toStd(p.audioCodec)},
                      {"sampleRate", p.sampleRate},          {"faststart", p.faststart}};
    j["errors"] = errors();
    j["warnings"] = warnings();
    return j;
}

Result<TechnicalReport> TechnicalReport::fromJson(const json &j)
{
    const auto bad = [](const QString &what) {
        return Error::invalidInput(QStringLiteral("The technical report is damaged: %1. Render again to rebuild it.").arg(what));
    };
    if (!j.is_object())
        return bad(QStringLiteral("it is not a JSON object"));
    TechnicalReport report;
    try {
        report.merged = j.get<QualityReport>();
    } catch (const json::exception &e) {
        return bad(QStringLiteral("the measurements cannot be read (%1)").arg(QString::fromUtf8(e.what())));
    }
    const auto target = j.find("targetDurationSeconds");
    if (target != j.end()) {
        if (!target->is_number())
            return bad(QStringLiteral("/targetDurationSeconds is not a number"));
        report.targetDurationSeconds = target->get<double>();
    }
    const auto scenes = j.find("scenes");
    if (scenes == j.end())
        return report;
    if (!scenes->is_array())
        return bad(QStringLiteral("/scenes is not a list"));
    for (std::size_t i = 0; i < scenes->size(); ++i) {
        const json &e = scenes->at(i);
        const QString path = QStringLiteral("/scenes/%1").arg(i);
        if (!e.is_object())
            return bad(QStringLiteral("%1 is not an object").arg(path));
        Scene scene;
        const auto label = e.find("scene");
        if (label == e.end() || !label->is_string())
            return bad(QStringLiteral("%1/scene is missing or not text").arg(path));
        scene.label = QString::fromStdString(label->get<std::string>());
        for (const auto &[key, field] : {std::pair{"offsetMs", &scene.offsetMs}, std::pair{"durationMs", &scene.durationMs}}) {
            const auto v = e.find(key);
            if (v == e.end() || !v->is_number_integer())
                return bad(QStringLiteral("%1/%2 is missing or not a whole number").arg(path, QString::fromLatin1(key)));
            *field = v->get<qint64>();
        }
        const auto lufs = e.find("integratedLufs");
        if (lufs != e.end() && lufs->is_number())
            scene.integratedLufs = lufs->get<double>();
        else if (lufs != e.end() && !lufs->is_null())
            return bad(QStringLiteral("%1/integratedLufs is not a number").arg(path));
        const auto findings = e.find("findings");
        if (findings != e.end()) {
            if (!findings->is_array())
                return bad(QStringLiteral("%1/findings is not a list").arg(path));
            try {
                scene.findings = findings->get<QList<QualityFinding>>();
            } catch (const json::exception &) {
                return bad(QStringLiteral("%1/findings cannot be read").arg(path));
            }
        }
        report.scenes.append(scene);
    }
    return report;
}

Result<TechnicalReport> TechnicalReport::read(const QString &path)
{
    const auto bytes = AtomicFile::read(path, 4 * 1024 * 1024);
    if (!bytes)
        return bytes.error();
    const json j = json::parse(bytes->constData(), bytes->constData() + bytes->size(), nullptr, false);
    if (j.is_discarded())
        return Error::invalidInput(
            QStringLiteral("The technical report %1 is not valid JSON. Render again to rebuild it.").arg(path));
    return fromJson(j);
}

} // namespace diy
