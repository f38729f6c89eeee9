#include "media/ProbeInfo.h"

#include "util/JsonParser.h"

#include <QFile>

#include <nlohmann/json.hpp>

#include <cmath>

namespace diy {

namespace {
QString str(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get<std::string>());
}

double number(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    if (it == j.end())
        return 0;
    if (it->is_number())
        return it->get<double>();
    if (it->is_string())
        return QString::fromStdString(it->get<std::string>()).toDouble();
    return 0;
}

double rational(const QString &text)
{
    const auto parts = text.split(QLatin1Char('/'));
    if (parts.size() != 2)
        return text.toDouble();
    const double den = parts[1].toDouble();
    return den == 0 ? 0 : parts[0].toDouble() / den;
}
} // namespace

Result<ProbeInfo> ProbeInfo::fromFfprobeJson(const QByteArray &json)
{
    const auto doc = JsonParser::parse(json, QStringLiteral("ffprobe's answer")).valueOr(nlohmann::json());
    if (!doc.is_object())
        return Error::process(QStringLiteral("ffprobe gave an unreadable answer."), QString::fromUtf8(json.left(300)));
    ProbeInfo info;
    double durationSeconds = 0;
    if (doc.contains("format") && doc["format"].is_object())
        durationSeconds = number(doc["format"], "duration");
    if (doc.contains("streams") && doc["streams"].is_array()) {
        for (const auto &stream : doc["streams"]) {
            const QString type = str(stream, "codec_type");
            if (type == QLatin1String("video") && info.videoCodec.isEmpty()) {
                const int w = static_cast<int>(number(stream, "width"));
                const int h = static_cast<int>(number(stream, "height"));
                info.videoSize = QSize(w, h);
                info.videoCodec = str(stream, "codec_name");
                info.pixelFormat = str(stream, "pix_fmt");
                info.fps = rational(str(stream, "avg_frame_rate"));
                if (info.fps <= 0)
                    info.fps = rational(str(stream, "r_frame_rate"));
                const QString timeBase = str(stream, "time_base");
                const auto parts = timeBase.split(QLatin1Char('/'));
                if (parts.size() == 2)
                    info.videoTimeBaseDen = parts[1].toLongLong();
                if (durationSeconds <= 0)
                    durationSeconds = number(stream, "duration");
            } else if (type == QLatin1String("audio") && info.audioCodec.isEmpty()) {
                info.audioCodec = str(stream, "codec_name");
                info.sampleRate = static_cast<int>(number(stream, "sample_rate"));
                info.channels = static_cast<int>(number(stream, "channels"));
                info.audioProfile = str(stream, "profile");
                if (durationSeconds <= 0)
                    durationSeconds = number(stream, "duration");
            }
        }
    }
    info.durationMs = static_cast<qint64>(std::llround(durationSeconds * 1000.0));
    return info;
}

bool ProbeInfo::moovBeforeMdat(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    qint64 offset = 0;
    const qint64 size = file.size();
    for (int i = 0; i < 64 && offset + 8 <= size; ++i) {
        file.seek(offset);
        const QByteArray header = file.read(16);
        if (header.size() < 8)
            return false;
        const auto u32 = [&](int at) {
            return (quint64(quint8(header[at])) << 24) | (quint64(quint8(header[at + 1])) << 16)
                   | (quint64(quint8(header[at + 2])) << 8) | quint64(quint8(header[at + 3]));
        };
        quint64 boxSize = u32(0);
        const QByteArray type = header.mid(4, 4);
        if (boxSize == 1 && header.size() >= 16)
            boxSize = (u32(8) << 32) | u32(12);
        else if (boxSize == 0)
            boxSize = quint64(size - offset);
        if (type == "moov")
            return true;
        if (type == "mdat")
            return false;
        if (boxSize < 8)
            return false;
        offset += qint64(boxSize);
    }
    return false;
}

void to_json(nlohmann::json &j, const ProbeInfo &info)
{
    j = nlohmann::json{{"durationMs", info.durationMs},
                       {"width", info.videoSize.width()},
                       {"height", info.videoSize.height()},
                       {"videoCodec", info.videoCodec.toStdString()},
                       {"pixelFormat", info.pixelFormat.toStdString()},
                       {"fps", info.fps},
                       {"audioCodec", info.audioCodec.toStdString()},
                       {"sampleRate", info.sampleRate},
                       {"channels", info.channels},
                       {"audioProfile", info.audioProfile.toStdString()},
                       {"videoTimeBaseDen", info.videoTimeBaseDen},
                       {"faststart", info.faststart}};
}

void from_json(const nlohmann::json &j, ProbeInfo &info)
{
    info = ProbeInfo();
    info.durationMs = j.value("durationMs", qint64(0));
    info.videoSize = QSize(j.value("width", 0), j.value("height", 0));
    info.videoCodec = QString::fromStdString(j.value("videoCodec", std::string()));
    info.pixelFormat = QString::fromStdString(j.value("pixelFormat", std::string()));
    info.fps = j.value("fps", 0.0);
    info.audioCodec = QString::fromStdString(j.value("audioCodec", std::string()));
    info.sampleRate = j.value("sampleRate", 0);
    info.channels = j.value("channels", 0);
    info.audioProfile = QString::fromStdString(j.value("audioProfile", std::string()));
    info.videoTimeBaseDen = j.value("videoTimeBaseDen", qint64(0));
    info.faststart = j.value("faststart", false);
}

} // namespace diy
