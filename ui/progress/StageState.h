#pragma once

#include <QColor>
#include <QString>

namespace diy::ui {

/// What the rail and the render page say about a stage.
enum class StageState { Waiting, Running, Done, Failed, Stale, Cancelled, NeedsReview };

QString stageStateText(StageState state);
QString stageStateIcon(StageState state);
QColor stageStateColor(StageState state);
/// "1:05" / "12 s"
QString formatDurationMs(qint64 ms);

} // namespace diy::ui
