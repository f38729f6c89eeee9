#include "production/EstimateDialog.h"

#include "progress/StageState.h"

#include <QDialogButtonBox>
#include <QFont>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace diy::ui {

namespace {

QLabel *cell(const QString &text, QWidget *parent, Qt::Alignment align = Qt::AlignLeft, bool bold = false)
{
    auto *label = new QLabel(text, parent);
    label->setAlignment(align | Qt::AlignVCenter);
    if (bold) {
        QFont f = label->font();
        f.setBold(true);
        label->setFont(f);
    }
    return label;
}

QString money(double usd)
{
    return usd < 0.01 && usd > 0 ? QStringLiteral("$%1").arg(usd, 0, 'f', 4) : QStringLiteral("$%1").arg(usd, 0, 'f', 2);
}

} // namespace

QString EstimateDialog::costText(const CostEstimate::Line &line)
{
    return line.priced ? money(line.costUsd) : tr("price unknown");
}

EstimateDialog::EstimateDialog(const QString &what, const CostEstimate &estimate, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("estimateDialog"));
    setWindowTitle(tr("Before anything is paid"));
    setMinimumWidth(560);

    auto *heading = cell(what, this, Qt::AlignLeft, true);
    heading->setObjectName(QStringLiteral("estimateHeading"));
    heading->setWordWrap(true);
    auto *intro = cell(tr("These AI calls are paid to the providers you use. Nothing starts until you go ahead."), this);
    intro->setWordWrap(true);

    auto *table = new QFrame(this);
    table->setObjectName(QStringLiteral("estimateTable"));
    table->setFrameShape(QFrame::StyledPanel);
    auto *grid = new QGridLayout(table);
    grid->setHorizontalSpacing(18);
    grid->setVerticalSpacing(8);
    const QStringList headers = {tr("Step"), tr("Amount"), tr("Model"), tr("Cost"), tr("Time")};
    for (int c = 0; c < headers.size(); ++c)
        grid->addWidget(cell(headers.at(c), table, c >= 3 ? Qt::AlignRight : Qt::AlignLeft, true), 0, c);
    int row = 1;
    for (const CostEstimate::Line &line : estimate.lines) {
        const QString amount = line.pictures > 0 ? (line.pictures == 1 ? tr("1 picture") : tr("%1 pictures").arg(line.pictures))
                                                 : tr("~%L1 tokens").arg(line.inputTokens + line.outputTokens);
        grid->addWidget(cell(line.what, table), row, 0);
        grid->addWidget(cell(amount, table), row, 1);
        grid->addWidget(cell(line.model, table), row, 2);
        grid->addWidget(cell(costText(line), table, Qt::AlignRight), row, 3);
        grid->addWidget(cell(QStringLiteral("~%1%2").arg(formatDurationMs(qint64(line.seconds * 1000)),
                                                         line.secondsMeasured ? QString() : QStringLiteral("*")),
                             table, Qt::AlignRight),
                        row, 4);
        ++row;
    }
    auto *rule = new QFrame(table);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Plain);
    grid->addWidget(rule, row++, 0, 1, 5);
    auto *total =
        cell(money(estimate.costUsd()) + (estimate.complete() ? QString() : tr(" + unpriced")), table, Qt::AlignRight, true);
    total->setObjectName(QStringLiteral("estimateTotalLabel"));
    auto *time = cell(QStringLiteral("~%1").arg(formatDurationMs(qint64(estimate.seconds() * 1000))), table, Qt::AlignRight, true);
    time->setObjectName(QStringLiteral("estimateTimeLabel"));
    grid->addWidget(cell(tr("Total"), table, Qt::AlignLeft, true), row, 0);
    grid->addWidget(total, row, 3);
    grid->addWidget(time, row, 4);
    grid->setColumnStretch(2, 1);

    auto *note = cell(tr("List prices as of %1 (config/prices.json, editable). Costs use the dearest variant, so the bill "
                         "is usually lower. * typical time; measured times replace it after your first runs.")
                          .arg(estimate.pricesAsOf),
                      this);
    note->setWordWrap(true);
    note->setEnabled(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_goAhead = buttons->addButton(tr("Go ahead"), QDialogButtonBox::AcceptRole);
    m_goAhead->setObjectName(QStringLiteral("estimateGoAheadButton"));
    m_goAhead->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("estimateCancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(heading);
    layout->addWidget(intro);
    layout->addWidget(table);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

} // namespace diy::ui
