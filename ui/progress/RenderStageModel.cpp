#include "progress/RenderStageModel.h"

#include "common/Icons.h"

namespace diy::ui {

RenderStageModel::RenderStageModel(QObject *parent) : QAbstractTableModel(parent)
{
    for (RenderStage stage : allRenderStages()) {
        Row r;
        r.stage = stage;
        m_rows.append(r);
    }
}

void RenderStageModel::showPlan(const RenderPlan &plan, bool hadRender)
{
    for (Row &r : m_rows) {
        r.total = plan.totalItems(r.stage);
        const int pending = plan.pendingItems(r.stage);
        r.done = r.total - pending;
        r.reused = 0;
        r.fraction = r.total > 0 ? double(r.done) / r.total : 0.0;
        r.seconds = -1;
        r.current.clear();
        r.cachedBeforeRun = r.total > 0 && pending == 0;
        r.state = r.cachedBeforeRun ? StageState::Done : hadRender ? StageState::Stale : StageState::Waiting;
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void RenderStageModel::stageStarted(RenderStage stage, int items, int reused)
{
    Row &r = m_rows[rowOf(stage)];
    r.state = StageState::Running;
    r.total = items;
    r.done = 0;
    r.reused = reused;
    r.fraction = 0;
    r.seconds = -1;
    changedRow(stage);
}

void RenderStageModel::itemStarted(RenderStage stage, const QString &label)
{
    m_rows[rowOf(stage)].current = label;
    changedRow(stage);
}

void RenderStageModel::itemFinished(RenderStage stage, bool)
{
    Row &r = m_rows[rowOf(stage)];
    r.done = std::min(r.total, r.done + 1);
    changedRow(stage);
}

void RenderStageModel::stageProgress(RenderStage stage, double fraction)
{
    m_rows[rowOf(stage)].fraction = fraction;
    changedRow(stage);
}

void RenderStageModel::stageFinished(RenderStage stage, double seconds)
{
    Row &r = m_rows[rowOf(stage)];
    r.state = StageState::Done;
    r.done = r.total;
    r.fraction = 1.0;
    r.seconds = seconds;
    r.current.clear();
    changedRow(stage);
}

void RenderStageModel::runEnded(StageState state)
{
    for (Row &r : m_rows) {
        if (r.state == StageState::Running) {
            r.state = state;
            r.current.clear();
            changedRow(r.stage);
        }
    }
}

int RenderStageModel::rowOf(const RenderStage &stage) const
{
    for (int i = 0; i < int(m_rows.size()); ++i)
        if (m_rows[i].stage == stage)
            return i;
    Q_ASSERT_X(false, "RenderStageModel", "stage not registered");
    return 0;
}

int RenderStageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RenderStageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RenderStageModel::creatorTitle(RenderStage stage)
{
    if (stage == RenderStage::Frames)
        return tr("Pictures");
    if (stage == RenderStage::Narration)
        return tr("Voice-over");
    if (stage == RenderStage::Segments)
        return tr("Scenes with captions");
    if (stage == RenderStage::Merge)
        return tr("Joining into one video");
    if (stage == RenderStage::Checks)
        return tr("Technical checks");
    return renderStageTitle(stage); // stages added later keep the engine's title
}

QVariant RenderStageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &r = m_rows.at(index.row());
    if (role == StateRole)
        return int(r.state);
    if (role == FractionRole)
        return r.fraction;
    switch (index.column()) {
    case StageColumn:
        if (role == Qt::DisplayRole)
            return creatorTitle(r.stage);
        break;
    case StateColumn:
        if (role == Qt::DisplayRole) {
            if (r.state == StageState::Running)
                return r.current.isEmpty() ? tr("Running %1%").arg(int(r.fraction * 100))
                                           : tr("%1% · %2").arg(int(r.fraction * 100)).arg(r.current);
            if (r.state == StageState::Done && r.cachedBeforeRun && r.seconds < 0)
                return tr("Up to date");
            return stageStateText(r.state);
        }
        if (role == Qt::DecorationRole)
            return Icons::icon(stageStateIcon(r.state));
        if (role == Qt::ForegroundRole && (r.state == StageState::Failed || r.state == StageState::Stale))
            return stageStateColor(r.state);
        break;
    case ItemsColumn:
        if (role == Qt::DisplayRole) {
            QString text = QStringLiteral("%1 / %2").arg(r.done).arg(r.total);
            if (r.reused > 0)
                text += tr(" (%1 reused)").arg(r.reused);
            return text;
        }
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        break;
    case TimeColumn:
        if (role == Qt::DisplayRole)
            return r.seconds >= 0 ? formatDurationMs(qint64(r.seconds * 1000)) : QString();
        break;
    default: break;
    }
    if (role == Qt::ToolTipRole)
        return QStringLiteral("%1: %2 (engine stage: %3)").arg(creatorTitle(r.stage), stageStateText(r.state), renderStageId(r.stage));
    return {};
}

QVariant RenderStageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StageColumn: return tr("Stage");
    case StateColumn: return tr("Status");
    case ItemsColumn: return tr("Items");
    case TimeColumn: return tr("Time");
    default: return {};
    }
}

void RenderStageModel::changedRow(RenderStage stage)
{
    emit dataChanged(index(rowOf(stage), 0), index(rowOf(stage), ColumnCount - 1));
}

} // namespace diy::ui
