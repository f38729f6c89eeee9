#include "MediaTestUtil.h"

#include "media/MediaProbeJob.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>

namespace diy::test {

QString runFfmpeg(const QStringList &arguments, bool *ok)
{
    QProcess process;
    process.start(QStringLiteral("ffmpeg"),
                  QStringList{QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"), QStringLiteral("-y")} + arguments);
    const bool finished = process.waitForFinished(120000);
    if (ok)
        *ok = finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    return QString::fromUtf8(process.readAllStandardError());
}

double integratedLoudness(const QString &path)
{
    const QString log =
        runFfmpeg({QStringLiteral("-nostats"), QStringLiteral("-i"), path, QStringLiteral("-vn"), QStringLiteral("-af"),
                   QStringLiteral("ebur128=framelog=verbose"), QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")});
    static const QRegularExpression integrated(QStringLiteral("I:\\s+(-?[0-9.]+) LUFS"));
    double value = 0;
    for (auto it = integrated.globalMatch(log); it.hasNext();)
        value = it.next().captured(1).toDouble();
    return value;
}

Result<ProbeInfo> probe(const QString &path)
{
    MediaProbeJob job(path);
    const auto result = runJob<MediaProbeJob, Result<ProbeInfo>>(job, 30000);
    if (!result)
        return Error::internal(QStringLiteral("probe did not finish"));
    return *result;
}

bool makeTone(const QString &path, qint64 durationMs, int frequency)
{
    bool ok = false;
    runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
               QStringLiteral("sine=frequency=%1:sample_rate=48000:duration=%2").arg(frequency).arg(durationMs / 1000.0),
               QStringLiteral("-af"), QStringLiteral("volume=0.3"), path},
              &ok);
    return ok;
}

bool makeImage(const QString &path, QSize size, const QColor &colour)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(colour);
    return image.save(path);
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot | QDir::Dirs, QDir::Name);
}

} // namespace diy::test
