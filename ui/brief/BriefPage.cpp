#include "brief/BriefPage.h"

#include "brief/VoicePicker.h"

#include "common/FileDialogs.h"
#include "common/Icons.h"
#include "common/ProjectDocument.h"
#include "model/Brief.h"
#include "pipeline/ProductionJob.h"
#include "store/ProjectStore.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace diy::ui {

namespace {

template <typename W>
W *named(W *w, const char *name, const QString &accessible)
{
    w->setObjectName(QString::fromLatin1(name));
    w->setAccessibleName(accessible);
    return w;
}

} // namespace

BriefPage::BriefPage(ProjectDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_description(named(new QLineEdit, "briefDescriptionEdit", tr("Description"))),
      m_descriptionCount(new QLabel), m_contentMode(named(new QComboBox, "briefContentModeCombo", tr("Audience"))),
      m_duration(named(new QSpinBox, "briefDurationSpin", tr("Target duration"))),
      m_steps(named(new QSpinBox, "briefStepsSpin", tr("Expected steps"))),
      m_host(named(new QLineEdit, "briefHostEdit", tr("Host character"))),
      m_format(named(new QComboBox, "briefFormatCombo", tr("Video format"))),
      m_pictures(named(new QComboBox, "briefPicturesCombo", tr("Where the pictures come from"))),
      m_voice(named(new VoicePicker, "briefVoicePicker", tr("Voice"))),
      m_rate(named(new QSpinBox, "briefRateSpin", tr("Speech rate"))),
      m_captionStyle(named(new QComboBox, "briefCaptionStyleCombo", tr("Caption style"))),
      m_captionPosition(named(new QComboBox, "briefCaptionPositionCombo", tr("Caption position"))),
      m_music(named(new QLineEdit, "briefMusicEdit", tr("Background music"))),
      m_musicVolume(named(new QDoubleSpinBox, "briefMusicVolumeSpin", tr("Music volume")))
{
    setObjectName(QStringLiteral("briefPage"));

    auto *heading = new QLabel(tr("Brief"));
    heading->setObjectName(QStringLiteral("pageHeading"));
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    heading->setFont(f);
    auto *intro = new QLabel(tr("What the video is about and how it should look and sound. Changes here are undoable "
                                "(Ctrl+Z) and mark the render as out of date."));
    intro->setWordWrap(true);

    m_description->setPlaceholderText(tr("how to make paper airplanes that fly far"));
    m_description->setMaxLength(400);
    m_descriptionCount->setObjectName(QStringLiteral("briefDescriptionCount"));
    m_contentMode->addItem(tr("Kids"), QStringLiteral("kid"));
    m_contentMode->addItem(tr("Adults"), QStringLiteral("adult"));
    m_duration->setRange(10, 1200);
    m_duration->setSuffix(tr(" s"));
    m_steps->setRange(1, 20);
    m_host->setPlaceholderText(tr("optional, e.g. Captain Fold"));
    for (const VideoFormat &fmt : VideoFormat::all())
        m_format->addItem(fmt.displayName(), fmt.id());
    m_rate->setRange(40, 400);
    m_rate->setSuffix(tr(" words/min"));
    m_captionStyle->addItems(Brief::captionStyles());
    m_captionPosition->addItems(Brief::captionPositions());
    m_music->setPlaceholderText(tr("none"));
    m_musicVolume->setRange(0.0, 1.0);
    m_musicVolume->setSingleStep(0.05);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(6);

    auto *descRow = new QWidget;
    auto *descLayout = new QHBoxLayout(descRow);
    descLayout->setContentsMargins(0, 0, 0, 0);
    descLayout->addWidget(m_description, 1);
    descLayout->addWidget(m_descriptionCount);
    addField(form, tr("&Description:"), descRow, QStringLiteral("/description"),
             tr("One line: what the viewer will make (%1–%2 characters).").arg(Brief::kDescriptionMin).arg(Brief::kDescriptionMax));
    m_description->setToolTip(descRow->toolTip());
    addField(form, tr("&Audience:"), m_contentMode, QStringLiteral("/contentMode"),
             tr("Kids get simpler words and a cheerful tone."));
    addField(form, tr("Target &duration:"), m_duration, QStringLiteral("/targetDurationSeconds"),
             tr("%1–%2 seconds.").arg(Brief::kDurationMin).arg(Brief::kDurationMax));
    addField(form, tr("Expected &steps:"), m_steps, QStringLiteral("/expectedSteps"),
             tr("%1–%2 steps.").arg(Brief::kStepsMin).arg(Brief::kStepsMax));
    addField(form, tr("&Host character:"), m_host, QStringLiteral("/hostCharacter"), tr("Who presents the tutorial (optional)."));
    addField(form, tr("&Format:"), m_format, QStringLiteral("/format"), tr("Vertical for Shorts/Reels, landscape for YouTube."));
    m_pictures->addItem(tr("Cards — built in, free, works offline"), QStringLiteral("cards"));
    m_pictures->addItem(tr("Google Gemini — AI pictures"), QStringLiteral("gemini"));
    m_pictures->addItem(tr("OpenAI-compatible server — AI pictures"), QStringLiteral("openai"));
    addField(form, tr("&Pictures:"), m_pictures, QStringLiteral("/imageProvider"),
             tr("AI pictures are paid to the provider (you see the estimate first); your photos and locked pictures stay."));
    addField(form, tr("&Voice:"), m_voice, QStringLiteral("/voice"),
             tr("Who reads the narration: one of the voices installed on this computer."));
    addField(form, tr("Speech &rate:"), m_rate, QStringLiteral("/speechRate"),
             tr("%1–%2 words per minute.").arg(Brief::kRateMin).arg(Brief::kRateMax));
    addField(form, tr("Caption s&tyle:"), m_captionStyle, QStringLiteral("/captionStyle"), tr("How the burned-in captions look."));
    addField(form, tr("Caption &position:"), m_captionPosition, QStringLiteral("/captionPosition"),
             tr("Where captions sit on the frame."));

    auto *musicRow = new QWidget;
    auto *musicLayout = new QHBoxLayout(musicRow);
    musicLayout->setContentsMargins(0, 0, 0, 0);
    musicLayout->addWidget(m_music, 1);
    auto *browse = new QToolButton;
    browse->setObjectName(QStringLiteral("briefMusicBrowseButton"));
    browse->setIcon(Icons::icon(QStringLiteral("folder")));
    browse->setToolTip(tr("Choose a music file"));
    browse->setAccessibleName(tr("Choose a music file"));
    musicLayout->addWidget(browse);
    addField(form, tr("Background &music:"), musicRow, QStringLiteral("/musicFile"), tr("Optional; ducked under the narration."));
    addField(form, tr("Music vo&lume:"), m_musicVolume, QStringLiteral("/musicVolume"), tr("0 = silent, 1 = full volume."));

    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("briefContent"));
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(24, 20, 24, 20);
    contentLayout->setSpacing(12);
    contentLayout->addWidget(heading);
    contentLayout->addWidget(intro);
    contentLayout->addLayout(form);
    contentLayout->addStretch();
    content->setMaximumWidth(860);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    auto editText = [this](QLineEdit *edit, const QString &key, auto apply) {
        connect(edit, &QLineEdit::textEdited, this, [this, key, apply](const QString &text) {
            m_document->edit(
                tr("Edit brief"), ProjectDocument::BriefAspect, [&](Project &p) { apply(p.brief, text); },
                QStringLiteral("brief") + key);
        });
    };
    editText(m_description, QStringLiteral("/description"), [](Brief &b, const QString &t) { b.description = t; });
    editText(m_host, QStringLiteral("/hostCharacter"), [](Brief &b, const QString &t) { b.hostCharacter = t; });
    connect(m_voice, &VoicePicker::voiceChosen, this, [this](const QString &id) {
        if (m_refreshing)
            return;
        m_document->edit(tr("Choose voice"), ProjectDocument::BriefAspect, [&](Project &p) { p.brief.voice = id; });
    });
    editText(m_music, QStringLiteral("/musicFile"), [](Brief &b, const QString &t) { b.musicFile = t.trimmed(); });

    auto editInt = [this](QSpinBox *spin, const QString &key, auto apply) {
        connect(spin, &QSpinBox::valueChanged, this, [this, key, apply](int v) {
            if (m_refreshing)
                return;
            m_document->edit(
                tr("Edit brief"), ProjectDocument::BriefAspect, [&](Project &p) { apply(p.brief, v); },
                QStringLiteral("brief") + key);
        });
    };
    editInt(m_duration, QStringLiteral("/targetDurationSeconds"), [](Brief &b, int v) { b.targetDurationSeconds = v; });
    editInt(m_steps, QStringLiteral("/expectedSteps"), [](Brief &b, int v) { b.expectedSteps = v; });
    editInt(m_rate, QStringLiteral("/speechRate"), [](Brief &b, int v) { b.speechRate = v; });
    connect(m_musicVolume, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (m_refreshing)
            return;
        m_document->edit(
            tr("Edit brief"), ProjectDocument::BriefAspect, [&](Project &p) { p.brief.musicVolume = v; },
            QStringLiteral("brief/musicVolume"));
    });

    auto editCombo = [this](QComboBox *combo, auto apply) {
        connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, apply](int) {
            if (m_refreshing)
                return;
            m_document->edit(tr("Edit brief"), ProjectDocument::BriefAspect, [&](Project &p) { apply(p.brief, combo); });
        });
    };
    editCombo(m_contentMode, [](Brief &b, QComboBox *c) {
        b.contentMode =
            c->currentData().toString() == QStringLiteral("adult") ? Brief::ContentMode::Adult : Brief::ContentMode::Kid;
    });
    editCombo(m_format, [](Brief &b, QComboBox *c) { VideoFormat::fromId(c->currentData().toString(), &b.format); });
    connect(m_pictures, &QComboBox::currentIndexChanged, this, [this](int) {
        if (m_refreshing)
            return;
        const QString provider = m_pictures->currentData().toString();
        // AI: every card scene (not locked) is owed a picture; cards: the owed ones become cards again.
        m_document->edit(tr("Choose the picture source"), ProjectDocument::BriefAspect | ProjectDocument::ImagesAspect,
                         [&](Project &p) {
                             p.imageProvider = provider;
                             if (provider != QStringLiteral("cards") && p.script) {
                                 ProductionJob::markScenesForPictures(p);
                                 return;
                             }
                             for (SceneImage &image : p.sceneImages)
                                 if (image.isPendingGeneration())
                                     image = SceneImage{};
                         });
    });
    editCombo(m_captionStyle, [](Brief &b, QComboBox *c) { b.captionStyle = c->currentText(); });
    editCombo(m_captionPosition, [](Brief &b, QComboBox *c) { b.captionPosition = c->currentText(); });

    connect(browse, &QToolButton::clicked, this, [this] {
        FileDialogs::openFile(this, QStringLiteral("music"), tr("Choose background music"),
                              tr("Audio (*.mp3 *.wav *.ogg *.m4a *.flac)"), this, [this](const QString &path) {
                                  // A project names only files inside its folder: copy the music in.
                                  const Result<QString> relative =
                                      m_document->folder().isEmpty() ? Result<QString>(
                                          Error::invalidInput(tr("Save the project first: the music is copied into its folder.")))
                                                                     : ProjectStore::importMusic(m_document->folder(), path);
                                  if (!relative) {
                                      QLabel *label = m_problems.value(QStringLiteral("/musicFile"));
                                      label->setText(relative.error().message);
                                      label->show();
                                      return;
                                  }
                                  m_document->edit(tr("Choose music"), ProjectDocument::BriefAspect,
                                                   [&](Project &p) { p.brief.musicFile = *relative; });
                              });
    });

    connect(m_document, &ProjectDocument::changed, this, &BriefPage::onDocumentChanged);
    refresh();
}

void BriefPage::addField(QFormLayout *form, const QString &label, QWidget *field, const QString &path, const QString &tip)
{
    field->setToolTip(tip);
    auto *column = new QWidget;
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(problemLabel(path));
    form->addRow(label, column);
    if (auto *labelWidget = qobject_cast<QLabel *>(form->labelForField(column)))
        labelWidget->setBuddy(field);
}

QLabel *BriefPage::problemLabel(const QString &path)
{
    auto *label = new QLabel;
    label->setObjectName(QStringLiteral("briefProblem") + QString(path).replace(QLatin1Char('/'), QLatin1Char('_')));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #d03b3b;"));
    label->hide();
    m_problems.insert(path, label);
    return label;
}

QHash<QString, QString> BriefPage::shownProblems() const
{
    QHash<QString, QString> shown;
    for (auto it = m_problems.cbegin(); it != m_problems.cend(); ++it)
        if (!it.value()->isHidden())
            shown.insert(it.key(), it.value()->text());
    return shown;
}

void BriefPage::onDocumentChanged(int aspects)
{
    if (aspects & ProjectDocument::BriefAspect)
        refresh();
}

void BriefPage::refresh()
{
    m_refreshing = true;
    const Brief &b = m_document->project().brief;
    setEnabled(m_document->isOpen());
    auto setText = [](QLineEdit *edit, const QString &text) {
        if (edit->text() != text)
            edit->setText(text);
    };
    setText(m_description, b.description);
    setText(m_host, b.hostCharacter);
    if (m_voice->voice() != b.voice)
        m_voice->setVoice(b.voice);
    m_voice->setSpeechRate(b.speechRate);
    setText(m_music, b.musicFile);
    m_descriptionCount->setText(QStringLiteral("%1/%2").arg(b.description.trimmed().size()).arg(Brief::kDescriptionMax));
    m_contentMode->setCurrentIndex(b.contentMode == Brief::ContentMode::Adult ? 1 : 0);
    m_duration->setValue(b.targetDurationSeconds);
    m_steps->setValue(b.expectedSteps);
    m_rate->setValue(b.speechRate);
    m_musicVolume->setValue(b.musicVolume);
    m_format->setCurrentIndex(std::max(0, m_format->findData(b.format.id())));
    m_pictures->setCurrentIndex(std::max(0, m_pictures->findData(m_document->project().imageProvider)));
    m_captionStyle->setCurrentText(b.captionStyle);
    m_captionPosition->setCurrentText(b.captionPosition);

    for (QLabel *label : std::as_const(m_problems))
        label->hide();
    if (m_document->isOpen()) {
        for (const FieldProblem &problem : b.validate()) {
            QLabel *label = m_problems.value(problem.path);
            if (!label)
                label = m_problems.value(QStringLiteral("/description"));
            label->setText(label->isHidden() ? problem.message : label->text() + QLatin1Char('\n') + problem.message);
            label->show();
        }
    }
    m_refreshing = false;
}

} // namespace diy::ui
