#include "media/WavFile.h"

#include "util/AtomicFile.h"

#include <QtEndian>

#include <cstring>

namespace diy {

namespace {
quint32 u32(const char *p)
{
    return qFromLittleEndian<quint32>(p);
}
quint16 u16(const char *p)
{
    return qFromLittleEndian<quint16>(p);
}
void put32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}
void put16(QByteArray &out, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}
} // namespace

Result<WavFile> WavFile::read(const QString &path)
{
    Result<QByteArray> bytes = AtomicFile::read(path, 1024LL * 1024 * 1024);
    if (!bytes)
        return bytes.error();
    Result<WavFile> wav = parse(*bytes);
    if (!wav)
        return Error::invalidInput(wav.error().message, path);
    return wav;
}

Result<WavFile> WavFile::parse(const QByteArray &bytes)
{
    const auto bad = [](const char *why) {
        return Error::invalidInput(QStringLiteral("A WAV file could not be read (%1).").arg(QLatin1String(why)));
    };
    if (bytes.size() < 12 || std::memcmp(bytes.constData(), "RIFF", 4) != 0 || std::memcmp(bytes.constData() + 8, "WAVE", 4) != 0)
        return bad("not RIFF/WAVE");
    WavFile wav;
    bool haveFormat = false;
    qsizetype pos = 12;
    while (pos + 8 <= bytes.size()) {
        const char *chunk = bytes.constData() + pos;
        const QByteArray id(chunk, 4);
        qint64 size = u32(chunk + 4);
        const qsizetype body = pos + 8;
        if (id == "fmt ") {
            if (size < 16 || body + 16 > bytes.size())
                return bad("short fmt chunk");
            const quint16 format = u16(bytes.constData() + body);
            wav.channels = u16(bytes.constData() + body + 2);
            wav.sampleRate = static_cast<int>(u32(bytes.constData() + body + 4));
            const quint16 bits = u16(bytes.constData() + body + 14);
            if ((format != 1 && format != 0xFFFE) || bits != 16)
                return bad("not 16-bit PCM");
            if (wav.channels < 1 || wav.sampleRate <= 0)
                return bad("bad format");
            haveFormat = true;
        } else if (id == "data") {
            if (!haveFormat)
                return bad("data before fmt");
            // Streaming writers leave the size open (0 or 0xFFFFFFFF): take the rest of the file.
            if (size == 0 || body + size > bytes.size())
                size = bytes.size() - body;
            const qsizetype count = static_cast<qsizetype>(size / 2);
            wav.samples.resize(count);
            for (qsizetype i = 0; i < count; ++i)
                wav.samples[i] = static_cast<qint16>(u16(bytes.constData() + body + 2 * i));
            return wav;
        }
        pos = body + size + (size & 1);
    }
    return bad("no data chunk");
}

QByteArray WavFile::toBytes() const
{
    const quint32 dataBytes = static_cast<quint32>(samples.size() * 2);
    QByteArray out;
    out.reserve(44 + dataBytes);
    out.append("RIFF", 4);
    put32(out, 36 + dataBytes);
    out.append("WAVEfmt ", 8);
    put32(out, 16);
    put16(out, 1);
    put16(out, static_cast<quint16>(channels));
    put32(out, static_cast<quint32>(sampleRate));
    put32(out, static_cast<quint32>(sampleRate * channels * 2));
    put16(out, static_cast<quint16>(channels * 2));
    put16(out, 16);
    out.append("data", 4);
    put32(out, dataBytes);
    for (const qint16 s : samples)
        put16(out, static_cast<quint16>(s));
    return out;
}

} // namespace diy
