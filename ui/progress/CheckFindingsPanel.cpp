#include "progress/CheckFindingsPanel.h"

#include "common/Icons.h"
#include "common/Plural.h"

#include <nlohmann/json.hpp>

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace diy::ui {

CheckFindingsPanel::CheckFindingsPanel(QWidget *parent) : QWidget(parent), m_heading(new QLabel(this)), m_rows(new QVBoxLayout)
{
    setObjectName(QStringLiteral("checkFindingsPanel"));
    setAccessibleName(tr("Technical checks"));
    m_heading->setObjectName(QStringLiteral("checkFindingsHeading"));
    m_heading->setWordWrap(true);
    m_heading->setToolTip(
        tr("FFmpeg measures loudness (EBU R128), silences, black frames and the file's formats after each render."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_heading);
    m_rows->setSpacing(6);
    layout->addLayout(m_rows);
    hide();
}

QString CheckFindingsPanel::advice(const QString &code)
{
    if (code == QLatin1String("duration-target"))
        return tr("Change the narration's length on the Script page, or the target length on the Brief page.");
    if (code == QLatin1String("loudness") || code == QLatin1String("true-peak"))
        return tr("Lower the music volume on the Brief page, or pick another voice, then render again.");
    if (code == QLatin1String("long-silence") || code == QLatin1String("silent"))
        return tr("Check that every scene has narration on the Script page and that the voice plays (Brief page, ▶ Preview).");
    if (code == QLatin1String("black-frames"))
        return tr("Look at that scene's picture on the Images page; replace it if it is dark or empty.");
    if (code == QLatin1String("duration"))
        return tr("Write more narration: each scene lasts as long as its words take to speak.");
    return tr("Render again. If it happens again, open the log (View ▸ Log) and report what it says.");
}

void CheckFindingsPanel::clear()
{
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_texts.clear();
    hide();
}

QStringList CheckFindingsPanel::findingTexts() const
{
    return m_texts;
}

void CheckFindingsPanel::showReport(const nlohmann::json &report)
{
    clear();
    if (!report.is_object() || !report.contains("findings") || !report["findings"].is_array())
        return;
    int shown = 0;
    for (const auto &f : report["findings"]) {
        if (!f.is_object())
            continue;
        const std::string severity = f.value("severity", std::string("info"));
        if (severity != "warning" && severity != "error")
            continue;
        const QString code = QString::fromStdString(f.value("code", std::string()));
        const QString message = QString::fromStdString(f.value("message", std::string()));
        const QString todo = advice(code);
        auto *row = new QWidget(this);
        row->setObjectName(QStringLiteral("checkFinding"));
        auto *rl = new QHBoxLayout(row);
        rl->setContentsMargins(0, 0, 0, 0);
        rl->setSpacing(8);
        auto *icon = new QLabel(row);
        icon->setPixmap(Icons::icon(severity == "error" ? QStringLiteral("failed") : QStringLiteral("warning")).pixmap(18, 18));
        icon->setAlignment(Qt::AlignTop);
        auto *text = new QLabel(QStringLiteral("%1<br><span style='opacity:0.8'>%2 %3</span>")
                                    .arg(message.toHtmlEscaped(), tr("What to do:"), todo.toHtmlEscaped()),
                                row);
        text->setWordWrap(true);
        text->setTextFormat(Qt::RichText);
        text->setToolTip(tr("Check: %1").arg(code));
        rl->addWidget(icon, 0, Qt::AlignTop);
        rl->addWidget(text, 1);
        m_rows->addWidget(row);
        m_texts << message + QLatin1Char(' ') + tr("What to do:") + QLatin1Char(' ') + todo;
        ++shown;
    }
    m_heading->setText(shown == 0 ? tr("<b>Technical checks</b>: sound level, silences, picture and file format all look right.")
                                  : tr("<b>Technical checks</b>: %1 in the last video.")
                                        .arg(countText(shown, tr("one thing to look at"), tr("%1 things to look at"))));
    show();
}

} // namespace diy::ui
