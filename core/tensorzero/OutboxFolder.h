#pragma once

#include <QString>

namespace diy {

/// The one place that decides where the feedback outbox lives, shared by the studio and
/// `diy-studio-cli feedback`. Precedence: an explicit folder (the CLI's --folder) >
/// $DIY_FEEDBACK_OUTBOX > `feedback-outbox` in the application's data folder.
class OutboxFolder {
public:
    static constexpr const char *kEnvironmentVariable = "DIY_FEEDBACK_OUTBOX";

    static QString resolve(const QString &explicitFolder = {});
};

} // namespace diy
