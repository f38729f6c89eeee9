#include "progress/StageRailModel.h"

#include "common/Icons.h"

namespace diy::ui {

StageRailModel::StageRailModel(QObject *parent) : QAbstractListModel(parent)
{
    m_status.resize(StageCount);
}

QString StageRailModel::title(Stage stage)
{
    switch (stage) {
    case Brief: return tr("Brief");
    case Script: return tr("Script");
    case Prompts: return tr("Prompts");
    case Images: return tr("Pictures");
    case Render: return tr("Render");
    case Watch: return tr("Watch");
    case StageCount: break;
    }
    return {};
}

void StageRailModel::setStatus(Stage stage, const Status &status)
{
    if (stage < 0 || stage >= StageCount || m_status[stage] == status)
        return;
    m_status[stage] = status;
    emit dataChanged(index(stage), index(stage));
}

int StageRailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : StageCount;
}

QVariant StageRailModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto stage = Stage(index.row());
    const Status &s = m_status.at(index.row());
    static const char *icons[] = {"brief", "script", "sparkle", "images", "render", "watch"};
    switch (role) {
    case Qt::DisplayRole: return title(stage);
    case Qt::DecorationRole: return Icons::icon(QString::fromLatin1(icons[index.row()]));
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
        return s.detail.isEmpty() ? stageStateText(s.state) : QStringLiteral("%1: %2").arg(stageStateText(s.state), s.detail);
    case Qt::AccessibleTextRole: return QStringLiteral("%1, %2").arg(title(stage), stageStateText(s.state));
    case StateRole: return int(s.state);
    case DetailRole: return s.detail;
    case ProgressRole: return s.progress;
    case ElapsedRole: return s.elapsedMs;
    case EtaRole: return s.etaMs;
    case IconNameRole: return QString::fromLatin1(icons[index.row()]);
    default: return {};
    }
}

} // namespace diy::ui
