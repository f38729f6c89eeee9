#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace diy::ui {

class VoicePicker;

class StudioSettings;

/// Preferences: gateway URL, parallel jobs, default voice and caption style, theme. Shown with
/// open() (window-modal, no nested event loop); invalid fields are marked in place.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(StudioSettings *settings, QWidget *parent = nullptr);

    void load();

signals:
    void settingsApplied();

private:
    void onButtonsAccepted();
    void validate();

    StudioSettings *m_settings;
    QLineEdit *m_gatewayUrl;
    QLabel *m_gatewayProblem;
    QSpinBox *m_jobs;
    VoicePicker *m_voice;
    QComboBox *m_captionStyle;
    QComboBox *m_theme;
    QDialogButtonBox *m_buttons;
};

} // namespace diy::ui
