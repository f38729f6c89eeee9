#pragma once

#include "progress/StageState.h"

#include <QAbstractListModel>
#include <QList>

namespace diy::ui {

/// The stage rail: Brief, Script, Prompts, Pictures (the Images page), Render, Watch, each with its state, a status line,
/// progress, elapsed time and ETA. The window sets the statuses; the rail view paints them.
class StageRailModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Stage { Brief, Script, Prompts, Images, Render, Watch, StageCount };
    enum Role { StateRole = Qt::UserRole + 1, DetailRole, ProgressRole, ElapsedRole, EtaRole, IconNameRole };

    struct Status {
        StageState state = StageState::Waiting;
        QString detail;       ///< "5 steps · 2:31 spoken", "Scene images 3/7", a failure and what to do
        double progress = -1; ///< 0..1 while running, -1 otherwise
        qint64 elapsedMs = -1;
        qint64 etaMs = -1;
        bool operator==(const Status &) const = default;
    };

    explicit StageRailModel(QObject *parent = nullptr);

    static QString title(Stage stage);
    void setStatus(Stage stage, const Status &status);
    Status status(Stage stage) const { return m_status.value(stage); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<Status> m_status;
};

} // namespace diy::ui
