#pragma once

#include <QString>

namespace diy {

/// The one place that decides which voice narrates when nothing more specific is chosen: a new
/// brief, a project file without a voice, the studio's "default voice" setting and its reset.
/// Precedence: the configured voice (the studio's settings), when valid > en-us.
class DefaultVoice {
public:
    static QString builtIn() { return QStringLiteral("en-us"); }
    static QString resolve(const QString &configured = {});
    /// A voice id as espeak-ng and the providers spell them: 2–40 of A–Z a–z 0–9 _ + -.
    static bool isValid(const QString &voice);
};

} // namespace diy
