#include "providers/LocalAssemblyEngine.h"

#include "media/MediaProbeJob.h"
#include "media/MediaTools.h"
#include "media/MergeJob.h"
#include "media/QualityCheckJob.h"
#include "media/SegmentJob.h"

namespace diy {

ProviderInfo LocalAssemblyEngine::info() const
{
    ProviderInfo info;
    info.id = QStringLiteral("ffmpeg");
    info.displayName = QStringLiteral("Built-in video engine (FFmpeg)");
    return info;
}

QString LocalAssemblyEngine::engineVersion() const
{
    return MediaTools::engineVersion();
}

Job *LocalAssemblyEngine::makeSegment(const SegmentSpec &spec, QObject *parent) const
{
    return new SegmentJob(spec, parent);
}

Job *LocalAssemblyEngine::makeMerge(const MergeSpec &spec, QObject *parent) const
{
    return new MergeJob(spec, parent);
}

QualityCheckJob *LocalAssemblyEngine::makeCheck(const QString &mediaPath, QObject *parent) const
{
    return new QualityCheckJob(mediaPath, parent);
}

MediaProbeJob *LocalAssemblyEngine::makeProbe(const QString &mediaPath, QObject *parent) const
{
    return new MediaProbeJob(mediaPath, parent);
}

} // namespace diy
