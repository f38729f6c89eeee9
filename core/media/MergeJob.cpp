#include "media/MergeJob.h"

#include "media/FilterEscaping.h"
#include "media/SegmentJob.h"
#include "util/AtomicFile.h"

#include <QFile>
#include <QFileInfo>

namespace diy {

MergeJob::MergeJob(MergeSpec spec, QObject *parent) : ProcessJob(parent), m_spec(std::move(spec)) {}

QByteArray MergeJob::concatList(const QStringList &paths)
{
    QByteArray list = "ffconcat version 1.0\n";
    for (const QString &path : paths) {
        QString absolute = QFileInfo(path).absoluteFilePath();
        absolute.remove(QLatin1Char('\n'));
        list += "file " + FilterEscaping::concatListPath(absolute).toUtf8() + '\n';
    }
    return list;
}

QStringList MergeJob::ffmpegArguments(const MergeSpec &spec, const QString &listPath, const QString &outputPath)
{
    QStringList args{QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"),
                     QStringLiteral("-y"),           QStringLiteral("-loglevel"),
                     QStringLiteral("error"),        QStringLiteral("-nostats"),
                     QStringLiteral("-progress"),    QStringLiteral("pipe:1"),
                     QStringLiteral("-f"),           QStringLiteral("concat"),
                     QStringLiteral("-safe"),        QStringLiteral("0"),
                     QStringLiteral("-i"),           listPath};
    if (spec.musicPath.isEmpty()) {
        args << QStringLiteral("-map") << QStringLiteral("0") << QStringLiteral("-c") << QStringLiteral("copy");
    } else {
        // The narration keys a compressor on the music, then both are mixed; video is copied.
        const QString graph =
            QStringLiteral("[1:a]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,volume=%1[music];"
                           "[0:a]aformat=sample_fmts=fltp:channel_layouts=stereo,asplit=2[voice][key];"
                           "[music][key]sidechaincompress=threshold=0.02:ratio=8:attack=20:release=350[ducked];"
                           "[voice][ducked]amix=inputs=2:duration=first:dropout_transition=0:normalize=0[a]")
                .arg(QString::number(std::clamp(spec.musicVolume, 0.0, 4.0), 'f', 3));
        args << QStringLiteral("-stream_loop") << QStringLiteral("-1") << QStringLiteral("-i") << spec.musicPath
             << QStringLiteral("-filter_complex") << graph << QStringLiteral("-map") << QStringLiteral("0:v")
             << QStringLiteral("-map") << QStringLiteral("[a]") << QStringLiteral("-c:v") << QStringLiteral("copy")
             << SegmentJob::audioCodecArguments();
    }
    args << QStringLiteral("-movflags") << QStringLiteral("+faststart") << QStringLiteral("-f") << QStringLiteral("mp4")
         << outputPath;
    return args;
}

void MergeJob::begin()
{
    if (m_spec.segmentPaths.isEmpty() || m_spec.outputPath.isEmpty()) {
        fail(Error::invalidInput(QStringLiteral("Nothing to merge: no segments or no output path.")));
        return;
    }
    for (const QString &path : std::as_const(m_spec.segmentPaths)) {
        if (!QFileInfo::exists(path)) {
            fail(Error::notFound(QStringLiteral("The segment %1 does not exist.").arg(path)));
            return;
        }
    }
    if (!m_spec.musicPath.isEmpty() && !QFileInfo::exists(m_spec.musicPath)) {
        fail(Error::notFound(QStringLiteral("The music file %1 does not exist.").arg(m_spec.musicPath)));
        return;
    }
    m_temporaryPath = temporaryPathFor(m_spec.outputPath);
    m_listPath = m_temporaryPath + QStringLiteral(".ffconcat");
    const Status written = AtomicFile::write(m_listPath, concatList(m_spec.segmentPaths));
    if (!written) {
        fail(written.error());
        return;
    }

    Launch merge;
    merge.tool = MediaTools::Tool::Ffmpeg;
    merge.arguments = ffmpegArguments(m_spec, m_listPath, m_temporaryPath);
    merge.description = QStringLiteral("joining the segments");
    merge.onStdout = [this](const QByteArray &data) { onStdout(data); };
    merge.onSuccess = [this](const QByteArray &) {
        if (commitOutput(&m_temporaryPath, m_spec.outputPath))
            succeed();
    };
    launch(std::move(merge));
}

void MergeJob::onStdout(const QByteArray &data)
{
    readFfmpegProgress(data, m_spec.totalDurationMs);
}

void MergeJob::cleanup()
{
    if (!m_temporaryPath.isEmpty())
        QFile::remove(m_temporaryPath);
    if (!m_listPath.isEmpty())
        QFile::remove(m_listPath);
}

} // namespace diy
