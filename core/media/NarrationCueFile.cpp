#include "media/NarrationCueFile.h"

#include "model/JsonReader.h"
#include "util/AtomicFile.h"

#include <nlohmann/json.hpp>

namespace diy {

using nlohmann::json;

Status NarrationCueFile::write(const QString &cuesPath, const NarrationResult &narration)
{
    json cues = json::array();
    for (const CaptionCue &c : narration.cues)
        cues.push_back(json{{"startMs", c.startMs}, {"endMs", c.endMs}, {"text", toStd(c.text)}});
    const json j{{"durationMs", narration.durationMs}, {"cues", cues}};
    return AtomicFile::write(cuesPath, QByteArray::fromStdString(j.dump(1)));
}

Result<NarrationResult> NarrationCueFile::read(const QString &cuesPath, const QString &wavPath)
{
    auto bytes = AtomicFile::read(cuesPath);
    if (!bytes)
        return bytes.error();
    try {
        const json j = json::parse(bytes->toStdString());
        NarrationResult r;
        r.wavPath = wavPath;
        r.durationMs = j.at("durationMs").get<qint64>();
        for (const json &c : j.at("cues"))
            r.cues.append({c.at("startMs").get<qint64>(), c.at("endMs").get<qint64>(), toQString(c.at("text").get<std::string>())});
        return r;
    } catch (const json::exception &e) {
        return Error::io(QStringLiteral("A cached narration file is damaged; it will be made again."), QString::fromUtf8(e.what()));
    }
}

} // namespace diy
