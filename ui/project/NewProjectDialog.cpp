#include "project/NewProjectDialog.h"

#include "model/Brief.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace diy::ui {

NewProjectDialog::NewProjectDialog(QWidget *parent)
    : QDialog(parent), m_description(new QLineEdit(this)), m_name(new QLineEdit(this))
{
    setObjectName(QStringLiteral("newProjectDialog"));
    setWindowTitle(tr("New project"));
    setMinimumWidth(520);
    m_description->setObjectName(QStringLiteral("newProjectBriefEdit"));
    m_description->setPlaceholderText(tr("how to make a bird feeder from a milk carton"));
    m_description->setAccessibleName(tr("What the video teaches"));
    m_description->setMaxLength(Brief::kDescriptionMax);
    m_name->setObjectName(QStringLiteral("newProjectNameEdit"));
    m_name->setAccessibleName(tr("Project name"));
    m_name->setToolTip(tr("The project's folder and the video's file are named after it"));
    m_name->setMaxLength(80);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("Create project"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("newProjectCreateButton"));
    m_create->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(tr("What will the video &teach?"), m_description);
    form->addRow(tr("Project &name:"), m_name);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(m_description, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (!m_nameEdited)
            m_name->setText(Brief::suggestedProjectName(text));
        refresh();
    });
    connect(m_name, &QLineEdit::textEdited, this, [this] {
        m_nameEdited = !m_name->text().trimmed().isEmpty();
        refresh();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!m_create->isEnabled())
            return;
        emit createRequested(projectName(), description());
        accept();
    });
    refresh();
}

QString NewProjectDialog::description() const
{
    return m_description->text().simplified();
}

QString NewProjectDialog::projectName() const
{
    // The name becomes a folder: characters no file system takes are dropped.
    QString name = m_name->text();
    for (QChar &c : name)
        if (QStringLiteral("/\\:*?\"<>|").contains(c) || c.unicode() < 0x20)
            c = QLatin1Char(' ');
    name = name.simplified();
    while (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name.isEmpty() ? Brief::suggestedProjectName(description()) : name;
}

void NewProjectDialog::refresh()
{
    const bool ok = description().size() >= Brief::kDescriptionMin;
    m_create->setEnabled(ok);
    m_create->setToolTip(ok ? QString() : tr("Describe the video in a few words first"));
}

} // namespace diy::ui
