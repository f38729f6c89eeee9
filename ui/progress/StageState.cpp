#include "progress/StageState.h"

#include <QObject>

namespace diy::ui {

QString stageStateText(StageState state)
{
    switch (state) {
    case StageState::Waiting: return QObject::tr("Waiting");
    case StageState::Running: return QObject::tr("Running");
    case StageState::Done: return QObject::tr("Done");
    case StageState::Failed: return QObject::tr("Failed");
    case StageState::Stale: return QObject::tr("Out of date");
    case StageState::Cancelled: return QObject::tr("Cancelled");
    case StageState::NeedsReview: return QObject::tr("Needs review");
    }
    return {};
}

QString stageStateIcon(StageState state)
{
    switch (state) {
    case StageState::Waiting: return QStringLiteral("waiting");
    case StageState::Running: return QStringLiteral("running");
    case StageState::Done: return QStringLiteral("done");
    case StageState::Failed: return QStringLiteral("failed");
    case StageState::Stale: return QStringLiteral("stale");
    case StageState::Cancelled: return QStringLiteral("cancel");
    case StageState::NeedsReview: return QStringLiteral("info");
    }
    return {};
}

QColor stageStateColor(StageState state)
{
    switch (state) {
    case StageState::Waiting: return QColor(0x8a, 0x8f, 0x96);
    case StageState::Running: return QColor(0x2f, 0x7d, 0xd1);
    case StageState::Done: return QColor(0x2e, 0x9d, 0x5b);
    case StageState::Failed: return QColor(0xd0, 0x3b, 0x3b);
    case StageState::Stale: return QColor(0xd0, 0x8a, 0x10);
    case StageState::Cancelled: return QColor(0x8a, 0x8f, 0x96);
    case StageState::NeedsReview: return QColor(0x7b, 0x4f, 0xc4);
    }
    return {};
}

QString formatDurationMs(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("–");
    const qint64 s = (ms + 500) / 1000;
    if (s < 60)
        return QObject::tr("%1 s").arg(s);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace diy::ui
