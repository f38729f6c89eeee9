#pragma once

#include "pipeline/RenderPlan.h"
#include "pipeline/RenderStage.h"
#include "progress/StageState.h"

#include <QAbstractTableModel>
#include <QList>

namespace diy::ui {

/// The render's stages (scene images, narration, segments, merge, checks) as a table: state,
/// items done of total (and how many were reused from the cache), time, and the current item.
class RenderStageModel : public QAbstractTableModel {
    Q_OBJECT
public:
    /// What a creator calls a stage ("Scenes with captions"); the engine's name is in the tooltip.
    static QString creatorTitle(RenderStage stage);

    enum Column { StageColumn, StateColumn, ItemsColumn, TimeColumn, ColumnCount };
    enum Role { StateRole = Qt::UserRole + 1, FractionRole };

    struct Row {
        RenderStage stage = RenderStage::Frames;
        StageState state = StageState::Waiting;
        int total = 0;
        int done = 0;
        int reused = 0;
        double fraction = 0.0;
        double seconds = -1.0;
        QString current;
        bool cachedBeforeRun = false;
    };

    explicit RenderStageModel(QObject *parent = nullptr);

    /// What a render would do now: stages fully cached show as done, others wait (or are stale
    /// when a previous render exists).
    void showPlan(const RenderPlan &plan, bool hadRender);
    void stageStarted(RenderStage stage, int items, int reused);
    void itemStarted(RenderStage stage, const QString &label);
    void itemFinished(RenderStage stage, bool reused);
    void stageProgress(RenderStage stage, double fraction);
    void stageFinished(RenderStage stage, double seconds);
    /// Marks the running stage failed or cancelled.
    void runEnded(StageState state);
    const Row &row(const RenderStage &stage) const { return m_rows.at(rowOf(stage)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void changedRow(RenderStage stage);
    int rowOf(const RenderStage &stage) const;
    QList<Row> m_rows;
};

} // namespace diy::ui
