#include "media/SegmentJob.h"

#include "media/FilterEscaping.h"

#include <QFile>
#include <QFileInfo>

namespace diy {

namespace {
QString seconds(qint64 ms)
{
    return QString::number(static_cast<double>(ms) / 1000.0, 'f', 3);
}
} // namespace

SegmentJob::SegmentJob(SegmentSpec spec, QObject *parent) : ProcessJob(parent), m_spec(std::move(spec)) {}

QStringList SegmentJob::videoCodecArguments(int fps)
{
    return {QStringLiteral("-c:v"),
            QStringLiteral("libx264"),
            QStringLiteral("-preset"),
            QStringLiteral("veryfast"),
            QStringLiteral("-tune"),
            QStringLiteral("stillimage"),
            QStringLiteral("-crf"),
            QStringLiteral("21"),
            QStringLiteral("-profile:v"),
            QStringLiteral("high"),
            QStringLiteral("-pix_fmt"),
            QStringLiteral("yuv420p"),
            QStringLiteral("-r"),
            QString::number(fps),
            QStringLiteral("-g"),
            QString::number(fps * 2),
            QStringLiteral("-video_track_timescale"),
            QString::number(fps * 512)};
}

QStringList SegmentJob::audioCodecArguments()
{
    return {QStringLiteral("-c:a"), QStringLiteral("aac"),   QStringLiteral("-b:a"), QStringLiteral("160k"),
            QStringLiteral("-ar"),  QStringLiteral("48000"), QStringLiteral("-ac"),  QStringLiteral("2")};
}

QStringList SegmentJob::ffmpegArguments(const SegmentSpec &spec, const QString &outputPath)
{
    const QString w = QString::number(spec.frame.width());
    const QString h = QString::number(spec.frame.height());
    QStringList args{QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"), QStringLiteral("-y"), QStringLiteral("-loglevel"),
                     QStringLiteral("error"), QStringLiteral("-nostats"), QStringLiteral("-progress"), QStringLiteral("pipe:1"),
                     // One frame from the image demuxer: the picture is decoded once.
                     QStringLiteral("-i"), spec.imagePath};
    if (spec.audioPath.isEmpty())
        args << QStringLiteral("-f") << QStringLiteral("lavfi") << QStringLiteral("-i")
             << QStringLiteral("anullsrc=r=48000:cl=stereo");
    else
        args << QStringLiteral("-i") << spec.audioPath;

    // Scale/crop/convert the single frame once, then repeat it with the loop filter. Captions are
    // blended at kCaptionFps (cues land within 1/kCaptionFps s, well inside the 0.3 s sync goal)
    // and the fps filter repeats those frames up to the output rate: blending every output frame
    // cost about a quarter of the whole encode.
    QString video = QStringLiteral("[0:v]scale=%1:%2:force_original_aspect_ratio=increase:flags=lanczos,"
                                   "crop=%1:%2,setsar=1,format=yuv420p,loop=loop=-1:size=1:start=0,"
                                   "setpts=N/(%3*TB)")
                        .arg(w, h)
                        .arg(spec.assPath.isEmpty() ? spec.fps : qMin(spec.fps, kCaptionFps));
    if (!spec.assPath.isEmpty())
        video += QStringLiteral(",ass=filename=") + FilterEscaping::filterArgument(spec.assPath)
                 + QStringLiteral(",fps=%1").arg(spec.fps);
    video += QStringLiteral("[v]");
    const QString audio = QStringLiteral("[1:a]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,apad[a]");
    args << QStringLiteral("-filter_complex") << video + QLatin1Char(';') + audio << QStringLiteral("-map")
         << QStringLiteral("[v]") << QStringLiteral("-map") << QStringLiteral("[a]") << QStringLiteral("-t")
         << seconds(spec.durationMs);
    args << videoCodecArguments(spec.fps) << audioCodecArguments();
    args << QStringLiteral("-movflags") << QStringLiteral("+faststart") << QStringLiteral("-f") << QStringLiteral("mp4")
         << outputPath;
    return args;
}

void SegmentJob::begin()
{
    if (m_spec.frame.isEmpty() || m_spec.frame.width() % 2 || m_spec.frame.height() % 2) {
        fail(Error::invalidInput(QStringLiteral("The video size must be even and not empty."),
                                 QStringLiteral("%1x%2").arg(m_spec.frame.width()).arg(m_spec.frame.height())));
        return;
    }
    if (m_spec.durationMs <= 0 || m_spec.fps <= 0) {
        fail(Error::invalidInput(QStringLiteral("A segment needs a positive duration and frame rate.")));
        return;
    }
    for (const QString &input : {m_spec.imagePath, m_spec.audioPath, m_spec.assPath}) {
        if (!input.isEmpty() && !QFileInfo::exists(input)) {
            fail(Error::notFound(QStringLiteral("The segment input %1 does not exist.").arg(input)));
            return;
        }
    }
    if (m_spec.imagePath.isEmpty() || m_spec.outputPath.isEmpty()) {
        fail(Error::invalidInput(QStringLiteral("A segment needs an image and an output path.")));
        return;
    }
    m_temporaryPath = temporaryPathFor(m_spec.outputPath);
    Launch encode;
    encode.tool = MediaTools::Tool::Ffmpeg;
    encode.arguments = ffmpegArguments(m_spec, m_temporaryPath);
    encode.description = QStringLiteral("encoding the segment %1").arg(QFileInfo(m_spec.outputPath).fileName());
    encode.onStdout = [this](const QByteArray &data) { onStdout(data); };
    encode.onSuccess = [this](const QByteArray &) {
        if (commitOutput(&m_temporaryPath, m_spec.outputPath))
            succeed();
    };
    launch(std::move(encode));
}

void SegmentJob::onStdout(const QByteArray &data)
{
    readFfmpegProgress(data, m_spec.durationMs);
}

void SegmentJob::cleanup()
{
    if (!m_temporaryPath.isEmpty())
        QFile::remove(m_temporaryPath);
}

} // namespace diy
