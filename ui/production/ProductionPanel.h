#pragma once

#include "production/ProductionController.h"

#include <QFrame>
#include <QPointer>

class QLabel;
class QProgressBar;
class QPushButton;

namespace diy::ui {

class EstimateDialog;
class InlineMessage;
class ProjectDocument;

/// The AI production bar above the pages: what the AI steps are doing (progress, ETA, Cancel),
/// the next action ("Write the script", "Approve script and draw the pictures", "Render"), the
/// estimate before anything paid starts, and what went wrong with the ways out (settings, writing
/// the script yourself, cards, try again). Nothing made is lost on an error or a cancel.
class ProductionPanel : public QFrame {
    Q_OBJECT
public:
    ProductionPanel(ProjectDocument *document, ProductionController *controller, QWidget *parent = nullptr);

    /// Prices `goal` and, once the creator goes ahead, runs it.
    void request(ProductionController::Goal goal);
    InlineMessage *message() const { return m_message; }
    QPointer<EstimateDialog> estimateDialog() const { return m_estimate; }

signals:
    void settingsRequested();
    void writeYourselfRequested();
    void scriptPageRequested();
    void imagesPageRequested();
    void renderRequested();

private:
    void refresh();
    void onEstimateReady(ProductionController::Goal goal, const CostEstimate &estimate);
    void onBlocked(ProductionController::Goal goal, const Error &error);
    void onFailed(ProductionController::Step step, const Error &error);
    void onFinished(ProductionSummary::Stop stop);
    void offerCards();

    ProjectDocument *m_document;
    ProductionController *m_controller;
    QLabel *m_icon;
    QLabel *m_status;
    QProgressBar *m_progress;
    QLabel *m_eta;
    QPushButton *m_writeScript;
    QPushButton *m_writeYourself;
    QPushButton *m_approve;
    QPushButton *m_render;
    QPushButton *m_cancel;
    InlineMessage *m_message;
    QPointer<EstimateDialog> m_estimate;
};

} // namespace diy::ui
