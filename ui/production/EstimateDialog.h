#pragma once

#include "model/CostEstimate.h"

#include <QDialog>

class QPushButton;

namespace diy::ui {

/// Before anything paid starts: what will be bought (one line per AI step with tokens or
/// pictures, model, cost and time), the total and the time, with Go ahead and Cancel. Non-modal
/// (open()); accepted() means go ahead.
class EstimateDialog : public QDialog {
    Q_OBJECT
public:
    EstimateDialog(const QString &what, const CostEstimate &estimate, QWidget *parent = nullptr);

    QPushButton *goAheadButton() const { return m_goAhead; }
    /// "$0.042" / "price unknown"
    static QString costText(const CostEstimate::Line &line);

private:
    QPushButton *m_goAhead;
};

} // namespace diy::ui
