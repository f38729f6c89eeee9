#pragma once

#include "providers/AssemblyEngine.h"

namespace diy {

/// The built-in FFmpeg engine: H.264/AAC segments with burned-in captions, concat stream-copy
/// merge with optional ducked music, ffprobe/ebur128/blackdetect measurements.
class LocalAssemblyEngine : public AssemblyEngine {
public:
    ProviderInfo info() const override;
    QString engineVersion() const override;
    Job *makeSegment(const SegmentSpec &spec, QObject *parent) const override;
    Job *makeMerge(const MergeSpec &spec, QObject *parent) const override;
    QualityCheckJob *makeCheck(const QString &mediaPath, QObject *parent) const override;
    MediaProbeJob *makeProbe(const QString &mediaPath, QObject *parent) const override;
};

} // namespace diy
