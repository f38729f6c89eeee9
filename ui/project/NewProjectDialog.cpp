#include "project/NewProjectDialog.h"

#include "common/Icons.h"
#include "model/Brief.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace diy::ui {

NewProjectDialog::NewProjectDialog(QWidget *parent)
    : QDialog(parent), m_description(new QLineEdit(this)), m_name(new QLineEdit(this)), m_pictures(new QComboBox(this))
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

    m_pictures->setObjectName(QStringLiteral("newProjectPicturesCombo"));
    m_pictures->setAccessibleName(tr("Where the pictures come from"));
    m_pictures->addItem(tr("Cards — built in, free, works offline"), QStringLiteral("cards"));
    m_pictures->addItem(tr("Google Gemini — AI pictures (needs GEMINI_API_KEY)"), QStringLiteral("gemini"));
    m_pictures->addItem(tr("OpenAI-compatible server — AI pictures (needs OPENAI_API_KEY)"), QStringLiteral("openai"));
    m_pictures->setToolTip(tr("AI pictures are paid to the provider; you see the estimate before anything is drawn. "
                              "Keys: the environment or Settings (kept in the system keychain)."));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("I'll write it myself"), QDialogButtonBox::ActionRole);
    m_create->setObjectName(QStringLiteral("newProjectCreateButton"));
    m_create->setToolTip(tr("Create the project; write or import the script yourself"));
    m_writeScript = buttons->addButton(tr("Write the script"), QDialogButtonBox::AcceptRole);
    m_writeScript->setObjectName(QStringLiteral("newProjectWriteScriptButton"));
    m_writeScript->setIcon(Icons::icon(QStringLiteral("sparkle")));
    m_writeScript->setDefault(true);

    auto *hint = new QLabel(tr("The AI writes the script from this brief (through the TensorZero gateway). You read and edit "
                               "it before anything else is paid, and you see the estimate first."),
                            this);
    hint->setObjectName(QStringLiteral("newProjectHint"));
    hint->setWordWrap(true);
    hint->setEnabled(false);

    auto *form = new QFormLayout;
    form->addRow(tr("What will the video &teach?"), m_description);
    form->addRow(tr("Project &name:"), m_name);
    form->addRow(tr("&Pictures:"), m_pictures);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addLayout(form);
    layout->addWidget(hint);
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
        if (!m_writeScript->isEnabled())
            return;
        emit createRequested(projectName(), description(), imageProvider(), true);
        accept();
    });
    connect(m_create, &QPushButton::clicked, this, [this] {
        if (!m_create->isEnabled())
            return;
        emit createRequested(projectName(), description(), imageProvider(), false);
        accept();
    });
    refresh();
}

QString NewProjectDialog::description() const
{
    return m_description->text().simplified();
}

QString NewProjectDialog::imageProvider() const
{
    return m_pictures->currentData().toString();
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
    m_writeScript->setEnabled(ok);
    m_writeScript->setToolTip(ok ? tr("The AI writes the script from your brief; you review it before anything else is paid")
                                 : tr("Describe the video in a few words first"));
}

} // namespace diy::ui
