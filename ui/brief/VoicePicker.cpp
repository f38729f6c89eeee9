#include "brief/VoicePicker.h"

#include "common/Icons.h"
#include "media/VoiceListJob.h"
#include "media/VoiceSampleJob.h"

#include <QAudioOutput>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaPlayer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace diy::ui {

VoicePicker::VoicePicker(QWidget *parent)
    : QWidget(parent), m_combo(new QComboBox(this)), m_preview(new QToolButton(this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("voicePicker"));
    m_combo->setObjectName(QStringLiteral("voicePickerCombo"));
    m_combo->setAccessibleName(tr("Voice"));
    m_combo->setMinimumContentsLength(24);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_preview->setObjectName(QStringLiteral("voicePreviewButton"));
    m_preview->setIcon(Icons::icon(QStringLiteral("play")));
    m_preview->setText(tr("Preview"));
    m_preview->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_preview->setToolTip(tr("Hear a short sample of this voice"));
    m_preview->setAccessibleName(tr("Preview the voice"));
    m_status->setObjectName(QStringLiteral("voiceStatusLabel"));
    m_status->setWordWrap(true);
    m_status->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_combo, 1);
    row->addWidget(m_preview);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_status);

    connect(m_combo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_filling || index < 0)
            return;
        const QString id = m_combo->itemData(index).toString();
        if (id == m_voice)
            return;
        m_voice = id;
        refreshStatus();
        emit voiceChosen(id);
    });
    connect(m_preview, &QToolButton::clicked, this, &VoicePicker::preview);

    m_listJob = new VoiceListJob(this);
    connect(m_listJob, &VoiceListJob::finished, this, [this] {
        const Result<VoiceList> voices = m_listJob->result();
        m_listJob->deleteLater();
        onVoicesListed(voices);
    });
    m_listJob->start();
    m_combo->addItem(tr("Looking for installed voices…"), QString());
    m_combo->setEnabled(false);
}

VoicePicker::~VoicePicker() = default;

QString VoicePicker::voice() const
{
    return m_voice;
}

bool VoicePicker::isInstalled(const QString &id) const
{
    if (!m_loaded)
        return true;
    return std::any_of(m_voices.cbegin(), m_voices.cend(), [&](const VoiceInfo &v) { return v.id == id; });
}

void VoicePicker::onVoicesListed(const Result<VoiceList> &result)
{
    m_loaded = result.ok();
    m_voices = result ? *result : VoiceList{};
    if (!result) {
        m_status->setText(tr("The list of installed voices is not available: %1").arg(result.error().message));
        m_status->setToolTip(result.error().detail);
        m_status->show();
    }
    setVoice(m_voice);
    emit voicesLoaded();
}

void VoicePicker::setVoice(const QString &id)
{
    m_voice = id;
    m_filling = true;
    m_combo->clear();
    for (const VoiceInfo &v : std::as_const(m_voices)) {
        m_combo->addItem(v.displayName, v.id);
        m_combo->setItemData(m_combo->count() - 1, tr("espeak-ng voice %1").arg(v.id), Qt::ToolTipRole);
    }
    int index = m_combo->findData(id);
    if (index < 0 && !id.isEmpty()) {
        // Not installed (or the list is unknown): shown, so it is never silently replaced.
        m_combo->insertItem(0, m_loaded ? tr("%1 (not installed)").arg(id) : id, id);
        index = 0;
    }
    m_combo->setCurrentIndex(index);
    m_combo->setEnabled(!m_voices.isEmpty() || !id.isEmpty());
    m_filling = false;
    refreshStatus();
}

void VoicePicker::refreshStatus()
{
    m_combo->setToolTip(m_voice.isEmpty() ? QString() : tr("espeak-ng voice %1").arg(m_voice));
    m_preview->setEnabled(!m_voice.isEmpty() && !m_sampleJob && isInstalled(m_voice));
    if (!m_loaded)
        return;
    if (!m_voice.isEmpty() && !isInstalled(m_voice)) {
        m_status->setText(tr("“%1” is not a voice installed on this computer. Pick one from the list.").arg(m_voice));
        m_status->setStyleSheet(QStringLiteral("color: #c0392b;"));
        m_status->show();
    } else {
        m_status->clear();
        m_status->setStyleSheet(QString());
        m_status->hide();
    }
}

void VoicePicker::preview()
{
    if (m_voice.isEmpty() || m_sampleJob)
        return;
    if (!m_sampleDir)
        m_sampleDir = std::make_unique<QTemporaryDir>();
    VoiceSampleJob::Spec spec;
    spec.voice = m_voice;
    spec.wordsPerMinute = m_rate;
    spec.outputWav = m_sampleDir->filePath(QStringLiteral("sample-%1.wav").arg(m_voice));
    m_sampleJob = new VoiceSampleJob(spec, this);
    m_preview->setEnabled(false);
    m_preview->setText(tr("Speaking…"));
    connect(m_sampleJob, &VoiceSampleJob::finished, this, [this] {
        const Result<QString> wav = m_sampleJob->result();
        m_sampleJob->deleteLater();
        m_sampleJob = nullptr;
        m_preview->setText(tr("Preview"));
        refreshStatus();
        if (!wav) {
            m_status->setText(wav.error().message);
            m_status->setToolTip(wav.error().detail);
            m_status->show();
            emit previewFinished(false, wav.error().message);
            return;
        }
        if (!m_player) {
            m_player = new QMediaPlayer(this);
            m_audio = new QAudioOutput(this);
            m_player->setAudioOutput(m_audio);
        }
        m_player->setSource(QUrl::fromLocalFile(*wav));
        m_player->play();
        emit previewFinished(true, *wav);
    });
    m_sampleJob->start();
}

} // namespace diy::ui
