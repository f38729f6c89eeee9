#include "settings/SettingsDialog.h"

#include "brief/VoicePicker.h"
#include "model/Brief.h"
#include "model/DefaultVoice.h"
#include "settings/StudioSettings.h"
#include "tensorzero/GatewayAddress.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace diy::ui {

SettingsDialog::SettingsDialog(StudioSettings *settings, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_gatewayUrl(new QLineEdit(this)), m_gatewayProblem(new QLabel(this)),
      m_jobs(new QSpinBox(this)), m_voice(new VoicePicker(this)), m_captionStyle(new QComboBox(this)),
      m_theme(new QComboBox(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this)),
      m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setMinimumWidth(480);

    m_gatewayUrl->setObjectName(QStringLiteral("gatewayUrlEdit"));
    m_gatewayUrl->setPlaceholderText(GatewayAddress::builtIn());
    m_gatewayUrl->setToolTip(tr("The address of the TensorZero gateway that runs the AI features (script writing, "
                                "AI review). API keys are never stored here."));
    m_gatewayUrl->setAccessibleName(tr("AI service address"));
    m_gatewayProblem->setObjectName(QStringLiteral("gatewayUrlProblem"));
    m_gatewayProblem->setStyleSheet(QStringLiteral("color: #d03b3b;"));
    m_gatewayProblem->hide();

    m_jobs->setObjectName(QStringLiteral("parallelJobsSpin"));
    m_jobs->setRange(0, 64);
    m_jobs->setSpecialValueText(tr("Automatic (one per core)"));
    m_jobs->setToolTip(tr("How many scenes are rendered at the same time (parallel jobs)."));
    m_jobs->setAccessibleName(tr("Scenes at a time"));

    m_voice->setObjectName(QStringLiteral("defaultVoicePicker"));
    m_voice->setToolTip(tr("The voice new projects start with (an espeak-ng voice)."));
    m_voice->setAccessibleName(tr("Default voice"));

    m_captionStyle->setObjectName(QStringLiteral("captionStyleCombo"));
    m_captionStyle->addItems(Brief::captionStyles());
    m_captionStyle->setToolTip(tr("The caption style new projects start with."));
    m_captionStyle->setAccessibleName(tr("Default caption style"));

    m_theme->setObjectName(QStringLiteral("themeCombo"));
    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setAccessibleName(tr("Theme"));

    // What a creator changes most comes first; the AI service's address last.
    auto *videoBox = new QGroupBox(tr("New videos"), this);
    auto *videoForm = new QFormLayout(videoBox);
    videoForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    videoForm->addRow(tr("Default &voice:"), m_voice);
    videoForm->addRow(tr("Default &caption style:"), m_captionStyle);
    videoForm->addRow(tr("Scenes rendered at &once:"), m_jobs);
    auto *lookBox = new QGroupBox(tr("Appearance"), this);
    auto *lookForm = new QFormLayout(lookBox);
    lookForm->addRow(tr("&Theme:"), m_theme);
    auto *aiBox = new QGroupBox(tr("AI service"), this);
    aiBox->setObjectName(QStringLiteral("aiServiceBox"));
    auto *aiForm = new QFormLayout(aiBox);
    aiForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    aiForm->addRow(tr("Service &address:"), m_gatewayUrl);
    aiForm->addRow(QString(), m_gatewayProblem);

    auto *note = new QLabel(tr("API keys are read from the system keychain or the environment, never from these settings."), this);
    note->setWordWrap(true);
    note->setEnabled(false);

    auto *general = new QWidget(m_tabs);
    auto *generalLayout = new QVBoxLayout(general);
    generalLayout->addWidget(videoBox);
    generalLayout->addWidget(lookBox);
    generalLayout->addWidget(aiBox);
    generalLayout->addWidget(note);
    generalLayout->addStretch();
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(general, tr("General"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_buttons);
    m_buttons->setObjectName(QStringLiteral("settingsButtons"));

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::onButtonsAccepted);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        m_gatewayUrl->setText(StudioSettings::spec(StudioSettings::Key::GatewayUrl).defaultValue.toString());
        m_jobs->setValue(0);
        m_voice->setVoice(DefaultVoice::builtIn());
        m_captionStyle->setCurrentText(QStringLiteral("bold"));
        m_theme->setCurrentIndex(0);
    });
    connect(m_gatewayUrl, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    load();
}

void SettingsDialog::addPage(QWidget *page, const QString &title)
{
    page->setParent(m_tabs);
    m_tabs->addTab(page, title);
}

void SettingsDialog::load()
{
    m_gatewayUrl->setText(m_settings->gatewayUrl());
    m_jobs->setValue(m_settings->parallelJobs());
    m_voice->setVoice(m_settings->voice());
    m_captionStyle->setCurrentText(m_settings->captionStyle());
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(StudioSettings::themeId(m_settings->theme()))));
    validate();
}

void SettingsDialog::validate()
{
    const bool ok = StudioSettings::spec(StudioSettings::Key::GatewayUrl).valid(m_gatewayUrl->text().trimmed());
    m_gatewayProblem->setText(ok ? QString() : tr("Enter an http:// or https:// address, for example http://localhost:3000."));
    m_gatewayProblem->setVisible(!ok);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

void SettingsDialog::onButtonsAccepted()
{
    m_settings->setValue(StudioSettings::Key::GatewayUrl, m_gatewayUrl->text().trimmed());
    m_settings->setValue(StudioSettings::Key::ParallelJobs, m_jobs->value());
    m_settings->setValue(StudioSettings::Key::Voice, m_voice->voice());
    m_settings->setValue(StudioSettings::Key::CaptionStyle, m_captionStyle->currentText());
    m_settings->setValue(StudioSettings::Key::Theme, m_theme->currentData().toString());
    m_settings->sync();
    emit settingsApplied();
    accept();
}

} // namespace diy::ui
