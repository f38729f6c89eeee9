#pragma once

#include <QUrl>
#include <QWidget>

class QAction;
class QAudioOutput;
class QHBoxLayout;
class QLabel;
class QMediaPlayer;
class QSlider;
class QToolButton;
class QVideoWidget;

namespace diy::ui {

class InlineMessage;
class SceneSeekBar;

/// Watch the video: QMediaPlayer into a QVideoWidget, play/pause, a seek bar with a marker per
/// scene, time, volume and mute. Space plays/pauses, Left/Right seek 5 s, M mutes.
/// A feedback panel can be placed under it (setFeedbackWidget).
class PlayerPage : public QWidget {
    Q_OBJECT
public:
    explicit PlayerPage(QWidget *parent = nullptr);

    void setFeedbackWidget(QWidget *widget);
    /// Buttons for the video file (Save as…, Show in folder, Copy path) under the player.
    void setVideoActions(const QList<QAction *> &actions);
    /// Loads a video (does not start playing); scene starts in ms and their names for the markers.
    void openVideo(const QString &path, const QList<qint64> &sceneStartsMs = {}, const QStringList &sceneNames = {});
    void clear();
    QMediaPlayer *player() const { return m_player; }
    QString currentFile() const { return m_file; }

    void togglePlay();
    void seekBy(qint64 deltaMs);
    void toggleMute();

private:
    void refreshTime();
    void refreshButtons();

    QMediaPlayer *m_player;
    QAudioOutput *m_audio;
    QVideoWidget *m_video;
    InlineMessage *m_message;
    QLabel *m_empty;
    QToolButton *m_play;
    SceneSeekBar *m_seek;
    QLabel *m_time;
    QToolButton *m_mute;
    QSlider *m_volume;
    QWidget *m_feedbackSlot;
    QHBoxLayout *m_controls = nullptr;
    QString m_file;
};

} // namespace diy::ui
