#pragma once

#include "providers/ProviderInfo.h"

#include <QObject>
#include <QString>

namespace diy {

class Job;
class MediaProbeJob;
class QualityCheckJob;
struct MergeSpec;
struct SegmentSpec;

/// Turns pictures and narration into video: one segment per scene, the merge into one file, and
/// the measurements the technical checks need. The local FFmpeg engine is the first one; the
/// Media Server is the next.
class AssemblyEngine {
public:
    virtual ~AssemblyEngine() = default;
    virtual ProviderInfo info() const = 0;
    /// Part of every cache key of the segments, merges and checks it makes.
    virtual QString engineVersion() const = 0;
    virtual Job *makeSegment(const SegmentSpec &spec, QObject *parent) const = 0;
    virtual Job *makeMerge(const MergeSpec &spec, QObject *parent) const = 0;
    virtual QualityCheckJob *makeCheck(const QString &mediaPath, QObject *parent) const = 0;
    virtual MediaProbeJob *makeProbe(const QString &mediaPath, QObject *parent) const = 0;
};

} // namespace diy
