#pragma once

#include "media/VoiceInfo.h"
#include "util/Result.h"

#include <QPointer>
#include <QTemporaryDir>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QMediaPlayer;
class QAudioOutput;
class QToolButton;

namespace diy {
class VoiceListJob;
class VoiceSampleJob;
} // namespace diy

namespace diy::ui {

/// Picks one of the voices installed on this computer (listed by the core's VoiceListJob), by its
/// name ("English (America)"), with a ▶ Preview that speaks a short sample (made off the GUI
/// thread by VoiceSampleJob). A voice that is not installed is shown as such, never accepted silently.
class VoicePicker : public QWidget {
    Q_OBJECT
public:
    explicit VoicePicker(QWidget *parent = nullptr);
    ~VoicePicker() override;

    QString voice() const;
    void setVoice(const QString &id);
    void setSpeechRate(int wordsPerMinute) { m_rate = wordsPerMinute; }
    bool isLoaded() const { return m_loaded; }
    /// True when the current voice is one of the installed voices (or the list is not known yet).
    bool isInstalled(const QString &id) const;
    void preview();

signals:
    void voiceChosen(const QString &id);
    void voicesLoaded();
    /// A preview sample is ready (and playing when audio works): its WAV file, or the error.
    void previewFinished(bool ok, const QString &message);

private:
    void onVoicesListed(const diy::Result<diy::VoiceList> &result);
    void refreshStatus();

    QComboBox *m_combo;
    QToolButton *m_preview;
    QLabel *m_status;
    VoiceList m_voices;
    QString m_voice;
    bool m_loaded = false;
    int m_rate = 160;
    bool m_filling = false;
    QPointer<VoiceListJob> m_listJob;
    QPointer<VoiceSampleJob> m_sampleJob;
    std::unique_ptr<QTemporaryDir> m_sampleDir;
    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_audio = nullptr;
};

} // namespace diy::ui
