#include "player/PlayerPage.h"

#include "common/Icons.h"
#include "common/InlineMessage.h"
#include "player/SceneSeekBar.h"
#include "progress/StageState.h"

#include <QAudioOutput>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaPlayer>
#include <QShortcut>
#include <QSlider>
#include <QStackedLayout>
#include <QToolButton>
#include <QVBoxLayout>
#include <QVideoWidget>

namespace diy::ui {

namespace {

QString clock(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms) / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

PlayerPage::PlayerPage(QWidget *parent)
    : QWidget(parent), m_player(new QMediaPlayer(this)), m_audio(new QAudioOutput(this)), m_video(new QVideoWidget(this)),
      m_message(new InlineMessage(this)), m_empty(new QLabel(this)), m_play(new QToolButton(this)),
      m_seek(new SceneSeekBar(this)), m_time(new QLabel(this)), m_mute(new QToolButton(this)),
      m_volume(new QSlider(Qt::Horizontal, this)), m_feedbackSlot(new QWidget(this))
{
    setObjectName(QStringLiteral("playerPage"));
    m_player->setObjectName(QStringLiteral("mediaPlayer"));
    m_player->setAudioOutput(m_audio);
    m_player->setVideoOutput(m_video);
    m_video->setObjectName(QStringLiteral("videoWidget"));
    m_video->setAccessibleName(tr("Video"));
    m_video->setMinimumSize(320, 240);
    m_video->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_message->setObjectName(QStringLiteral("playerMessage"));
    m_empty->setObjectName(QStringLiteral("playerEmptyLabel"));
    m_empty->setText(tr("No video yet.\nRender the project (Ctrl+Return) and it opens here."));
    m_empty->setAlignment(Qt::AlignCenter);

    auto *heading = new QLabel(tr("Watch"));
    heading->setObjectName(QStringLiteral("pageHeading"));
    QFont hf = heading->font();
    hf.setPointSizeF(hf.pointSizeF() * 1.5);
    hf.setBold(true);
    heading->setFont(hf);

    m_play->setObjectName(QStringLiteral("playButton"));
    m_play->setIcon(Icons::icon(QStringLiteral("play")));
    m_play->setIconSize(QSize(24, 24));
    m_play->setToolTip(tr("Play or pause (Space)"));
    m_play->setAccessibleName(tr("Play"));
    m_play->setAutoRaise(true);
    m_seek->setObjectName(QStringLiteral("seekBar"));
    m_seek->setAccessibleName(tr("Position"));
    m_seek->setToolTip(tr("Seek; markers show where each scene starts (Left/Right: 5 s)"));
    m_time->setObjectName(QStringLiteral("timeLabel"));
    m_time->setAccessibleName(tr("Time"));
    m_time->setText(QStringLiteral("0:00 / 0:00"));
    m_time->setMinimumWidth(QFontMetrics(m_time->font()).horizontalAdvance(QStringLiteral("00:00 / 00:00")) + 8);
    m_mute->setObjectName(QStringLiteral("muteButton"));
    m_mute->setIcon(Icons::icon(QStringLiteral("volume")));
    m_mute->setToolTip(tr("Mute (M)"));
    m_mute->setAccessibleName(tr("Mute"));
    m_mute->setAutoRaise(true);
    m_volume->setObjectName(QStringLiteral("volumeSlider"));
    m_volume->setAccessibleName(tr("Volume"));
    m_volume->setToolTip(tr("Volume"));
    m_volume->setRange(0, 100);
    m_volume->setValue(80);
    m_volume->setFixedWidth(110);
    m_audio->setVolume(0.8f);

    auto *screen = new QWidget(this);
    auto *stack = new QStackedLayout(screen);
    stack->addWidget(m_empty);
    stack->addWidget(m_video);
    screen->setObjectName(QStringLiteral("playerScreen"));
    screen->setAutoFillBackground(true);
    QPalette pal = screen->palette();
    pal.setColor(QPalette::Window, QColor(0x12, 0x13, 0x15));
    pal.setColor(QPalette::WindowText, QColor(0xc8, 0xcc, 0xd2));
    screen->setPalette(pal);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_play);
    controls->addWidget(m_seek, 1);
    controls->addWidget(m_time);
    controls->addSpacing(8);
    controls->addWidget(m_mute);
    controls->addWidget(m_volume);
    m_controls = controls;

    auto *feedbackLayout = new QVBoxLayout(m_feedbackSlot);
    feedbackLayout->setContentsMargins(0, 0, 0, 0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(heading);
    layout->addWidget(m_message);
    layout->addWidget(screen, 1);
    layout->addLayout(controls);
    layout->addWidget(m_feedbackSlot);

    auto shortcut = [this](QKeySequence key, auto slot) {
        auto *s = new QShortcut(key, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_Space), [this] { togglePlay(); });
    shortcut(QKeySequence(Qt::Key_Left), [this] { seekBy(-5000); });
    shortcut(QKeySequence(Qt::Key_Right), [this] { seekBy(5000); });
    shortcut(QKeySequence(Qt::Key_M), [this] { toggleMute(); });

    connect(m_play, &QToolButton::clicked, this, &PlayerPage::togglePlay);
    connect(m_mute, &QToolButton::clicked, this, &PlayerPage::toggleMute);
    connect(m_volume, &QSlider::valueChanged, this, [this](int v) { m_audio->setVolume(float(v / 100.0)); });
    connect(m_seek, &SceneSeekBar::seekRequested, this, [this](qint64 ms) { m_player->setPosition(ms); });
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 d) {
        m_seek->setRange(0, int(d));
        refreshTime();
    });
    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 pos) {
        if (!m_seek->isSliderDown())
            m_seek->setValue(int(pos));
        refreshTime();
    });
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this] { refreshButtons(); });
    connect(m_audio, &QAudioOutput::mutedChanged, this, [this] { refreshButtons(); });
    connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString &text) {
        m_message->showMessage(InlineMessage::Level::Error,
                               tr("The video could not be played: %1. Render again, or open the file in another player.").arg(text));
    });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, [stack, this](QMediaPlayer::MediaStatus status) {
        if (status == QMediaPlayer::LoadedMedia || status == QMediaPlayer::BufferedMedia)
            stack->setCurrentWidget(m_video);
    });
    setFocusPolicy(Qt::StrongFocus);
    refreshButtons();
}

void PlayerPage::setVideoActions(const QList<QAction *> &actions)
{
    m_controls->addSpacing(12);
    for (QAction *action : actions) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setObjectName(action->objectName() + QStringLiteral("PlayerButton"));
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        button->setAutoRaise(true);
        if (action->icon().isNull())
            button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_controls->addWidget(button);
    }
}

void PlayerPage::setFeedbackWidget(QWidget *widget)
{
    m_feedbackSlot->layout()->addWidget(widget);
}

void PlayerPage::openVideo(const QString &path, const QList<qint64> &sceneStartsMs, const QStringList &sceneNames)
{
    m_message->clear();
    if (!QFileInfo::exists(path)) {
        m_message->showMessage(InlineMessage::Level::Warning, tr("The video %1 is missing. Render the project again.").arg(path));
        return;
    }
    m_file = path;
    m_seek->setScenes(sceneStartsMs, sceneNames);
    m_player->stop();
    m_player->setSource(QUrl::fromLocalFile(path));
    if (auto *stack = qobject_cast<QStackedLayout *>(m_video->parentWidget()->layout()))
        stack->setCurrentWidget(m_video);
}

void PlayerPage::clear()
{
    m_player->stop();
    m_player->setSource(QUrl());
    m_file.clear();
    m_seek->setScenes({}, {});
    m_seek->setRange(0, 0);
    if (auto *stack = qobject_cast<QStackedLayout *>(m_video->parentWidget()->layout()))
        stack->setCurrentWidget(m_empty);
    refreshTime();
}

void PlayerPage::togglePlay()
{
    if (m_player->source().isEmpty())
        return;
    if (m_player->playbackState() == QMediaPlayer::PlayingState)
        m_player->pause();
    else
        m_player->play();
}

void PlayerPage::seekBy(qint64 deltaMs)
{
    if (m_player->source().isEmpty())
        return;
    m_player->setPosition(std::clamp<qint64>(m_player->position() + deltaMs, 0, std::max<qint64>(0, m_player->duration())));
}

void PlayerPage::toggleMute()
{
    m_audio->setMuted(!m_audio->isMuted());
}

void PlayerPage::refreshTime()
{
    m_time->setText(QStringLiteral("%1 / %2").arg(clock(m_player->position()), clock(m_player->duration())));
}

void PlayerPage::refreshButtons()
{
    const bool playing = m_player->playbackState() == QMediaPlayer::PlayingState;
    m_play->setIcon(Icons::icon(playing ? QStringLiteral("pause") : QStringLiteral("play")));
    m_play->setAccessibleName(playing ? tr("Pause") : tr("Play"));
    m_mute->setIcon(Icons::icon(m_audio->isMuted() ? QStringLiteral("mute") : QStringLiteral("volume")));
    m_mute->setAccessibleName(m_audio->isMuted() ? tr("Unmute") : tr("Mute"));
}

} // namespace diy::ui
