#include "welcome/WelcomeScreen.h"

#include "common/Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace diy::ui {

WelcomeScreen::WelcomeScreen(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *wl = new QVBoxLayout(this);
    wl->addStretch(2);
    auto *title = new QLabel(tr("DIY Video Studio"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 2.2);
    tf.setBold(true);
    title->setFont(tf);
    title->setAlignment(Qt::AlignCenter);
    auto *subtitle = new QLabel(tr("Turn a one-line idea into a narrated, captioned how-to video.\n"
                                   "Title cards, a spoken voice-over and captions are made right on this computer, "
                                   "no internet needed."),
                                this);
    subtitle->setObjectName(QStringLiteral("welcomeSubtitle"));
    subtitle->setAlignment(Qt::AlignCenter);
    subtitle->setWordWrap(true);
    subtitle->setToolTip(tr("Offline engines: cards drawn with Qt, narration by espeak-ng, assembly by FFmpeg."));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    auto makeButton = [this, buttons](const QString &icon, const QString &text, const char *name) {
        auto *b = new QPushButton(Icons::icon(icon), text, this);
        b->setObjectName(QString::fromLatin1(name));
        b->setAccessibleName(text);
        b->setIconSize(QSize(20, 20));
        b->setMinimumHeight(40);
        b->setMinimumWidth(190);
        buttons->addWidget(b);
        return b;
    };
    auto *exampleButton = makeButton(QStringLiteral("example"), tr("Open the example project"), "welcomeExampleButton");
    auto *newButton = makeButton(QStringLiteral("new"), tr("New project"), "welcomeNewButton");
    auto *openButton = makeButton(QStringLiteral("open"), tr("Open a project…"), "welcomeOpenButton");
    buttons->addStretch();
    wl->addWidget(title);
    wl->addSpacing(8);
    wl->addWidget(subtitle);
    wl->addSpacing(24);
    wl->addLayout(buttons);
    wl->addStretch(3);
    connect(exampleButton, &QPushButton::clicked, this, &WelcomeScreen::exampleRequested);
    connect(newButton, &QPushButton::clicked, this, &WelcomeScreen::newProjectRequested);
    connect(openButton, &QPushButton::clicked, this, &WelcomeScreen::openProjectRequested);
}

} // namespace diy::ui
