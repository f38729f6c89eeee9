#pragma once

#include <QList>
#include <QString>

namespace diy {

/// One installed voice of a voice engine.
struct VoiceInfo {
    QString id;          ///< what the engine takes ("en-us" for espeak-ng -v)
    QString displayName; ///< what a creator reads ("English (America)")
    QString gender;      ///< "M", "F" or empty
    bool operator==(const VoiceInfo &) const = default;
};

using VoiceList = QList<VoiceInfo>;

} // namespace diy
