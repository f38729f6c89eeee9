#pragma once

#include "pipeline/RenderSummary.h"
#include "util/Result.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QHBoxLayout;
class QAction;

namespace diy::ui {

class CheckFindingsPanel;
class InlineMessage;
class ProjectDocument;
class RenderController;

/// Render and progress: start and cancel, the overall bar with elapsed time and ETA, the table
/// of stages (what is cached, running, done), and a failure's message with what to do.
class RenderPage : public QWidget {
    Q_OBJECT
public:
    RenderPage(ProjectDocument *document, RenderController *controller, QWidget *parent = nullptr);
    /// Buttons for the finished video (Save as…, Show in folder, Copy path) beside Watch.
    void setVideoActions(const QList<QAction *> &actions);

signals:
    void startRequested();
    void cancelRequested();
    void watchRequested();

private:
    void refresh();
    void refreshFindings();
    void onControllerFinished(const diy::Result<diy::RenderSummary> &result);

    ProjectDocument *m_document;
    RenderController *m_controller;
    InlineMessage *m_message;
    InlineMessage *m_blockers;
    CheckFindingsPanel *m_findings;
    QHBoxLayout *m_videoButtons;
    QString m_findingsSource; ///< the checks file shown, with its render time
    QPushButton *m_start;
    QPushButton *m_cancel;
    QPushButton *m_watch;
    QProgressBar *m_bar;
    QLabel *m_timing;
    QLabel *m_current;
    QLabel *m_output;
    QTableView *m_table;
    QTimer m_tick;
};

} // namespace diy::ui
