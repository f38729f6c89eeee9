#include "images/ScenePromptPanel.h"

#include "common/Icons.h"
#include "common/InlineMessage.h"
#include "common/ProjectDocument.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace diy::ui {

ScenePromptPanel::ScenePromptPanel(ProjectDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_problem(new InlineMessage(this)), m_prompt(new QPlainTextEdit(this)),
      m_style(new QLineEdit(this)), m_origin(new QLabel(this)),
      m_regenerate(new QPushButton(Icons::icon(QStringLiteral("sparkle")), tr("Regenerate with AI"), this))
{
    setObjectName(QStringLiteral("scenePromptPanel"));
    m_problem->setObjectName(QStringLiteral("scenePictureMessage"));
    m_prompt->setObjectName(QStringLiteral("scenePromptEdit"));
    m_prompt->setAccessibleName(tr("Picture prompt"));
    m_prompt->setPlaceholderText(tr("What the picture shows (empty: the script's image prompt)"));
    m_prompt->setTabChangesFocus(true);
    m_prompt->setFixedHeight(m_prompt->fontMetrics().lineSpacing() * 4 + 12);
    m_style->setObjectName(QStringLiteral("sceneStyleEdit"));
    m_style->setAccessibleName(tr("Shared picture style"));
    m_style->setPlaceholderText(tr("The look every picture shares"));
    m_origin->setObjectName(QStringLiteral("scenePictureOrigin"));
    m_origin->setEnabled(false);
    m_origin->setWordWrap(true);
    m_regenerate->setObjectName(QStringLiteral("regenerateAiButton"));
    m_regenerate->setToolTip(tr("Draw this scene's picture again with AI from the prompt (paid; you see the estimate first)"));

    auto *promptLabel = new QLabel(tr("Picture &prompt"), this);
    promptLabel->setBuddy(m_prompt);
    QFont bold = promptLabel->font();
    bold.setBold(true);
    promptLabel->setFont(bold);
    auto *styleLabel = new QLabel(tr("&Style (all pictures)"), this);
    styleLabel->setBuddy(m_style);
    auto *row = new QHBoxLayout;
    row->addWidget(m_origin, 1);
    row->addWidget(m_regenerate);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_problem);
    layout->addWidget(promptLabel);
    layout->addWidget(m_prompt);
    layout->addWidget(styleLabel);
    layout->addWidget(m_style);
    layout->addLayout(row);

    connect(m_prompt, &QPlainTextEdit::textChanged, this, [this] {
        const int r = m_row;
        if (m_refreshing || r < 0 || r >= int(m_document->project().sceneImages.size()))
            return;
        const QString text = m_prompt->toPlainText();
        m_document->edit(
            tr("Edit picture prompt"), ProjectDocument::ImagesAspect, [r, text](Project &p) { p.sceneImages[r].prompt = text; },
            QStringLiteral("scene-prompt-%1").arg(r));
    });
    connect(m_style, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_document->edit(
            tr("Edit picture style"), ProjectDocument::ImagesAspect, [text](Project &p) { p.imageStyle = text; },
            QStringLiteral("picture-style"));
    });
    connect(m_regenerate, &QPushButton::clicked, this, [this] {
        if (m_row >= 0)
            emit regenerateRequested(m_row);
    });
    connect(m_document, &ProjectDocument::changed, this, [this](int aspects) {
        if (aspects & (ProjectDocument::ImagesAspect | ProjectDocument::ScriptAspect | ProjectDocument::BriefAspect))
            refresh();
    });
    refresh();
}

void ScenePromptPanel::setRow(int row)
{
    m_row = row;
    refresh();
}

void ScenePromptPanel::setProblems(const QSet<int> &rows, const QString &message)
{
    m_problemRows = rows;
    m_problemText = message;
    refresh();
}

void ScenePromptPanel::refresh()
{
    const Project &p = m_document->project();
    const bool valid = m_document->isOpen() && m_row >= 0 && m_row < int(p.sceneImages.size());
    const bool ai = p.imageProvider != QStringLiteral("cards");
    const SceneImage image = valid ? p.sceneImages.at(m_row) : SceneImage{};
    setVisible(valid && (ai || image.source == SceneImage::Source::Generated));
    if (!valid)
        return;
    m_refreshing = true;
    if (m_prompt->toPlainText() != image.prompt)
        m_prompt->setPlainText(image.prompt);
    if (m_style->text() != p.imageStyle)
        m_style->setText(p.imageStyle);
    m_refreshing = false;

    QString origin;
    if (image.isPendingGeneration())
        origin = tr("To be drawn by AI");
    else if (image.source == SceneImage::Source::Generated)
        origin = tr("Drawn by %1 (%2)").arg(image.provider, image.model);
    else if (image.source == SceneImage::Source::File)
        origin = tr("Your photo");
    else
        origin = tr("Card");
    m_origin->setText(origin);
    m_regenerate->setEnabled(ai && !image.locked);
    m_regenerate->setToolTip(image.locked ? tr("Unlock the picture to draw it again")
                                          : tr("Draw this scene's picture again with AI from the prompt (paid; you see the "
                                               "estimate first)"));

    if (!m_problemRows.contains(m_row) || !image.isPendingGeneration()) {
        m_problem->clear();
        m_problem->hide();
        return;
    }
    m_problem->showMessage(InlineMessage::Level::Error, tr("This picture was not drawn: %1").arg(m_problemText));
    connect(m_problem->addAction(tr("Edit the prompt"), QStringLiteral("sceneEditPromptButton")), &QPushButton::clicked, this,
            [this] {
                m_prompt->setFocus();
                m_prompt->selectAll();
            });
    connect(m_problem->addAction(tr("Use a card"), QStringLiteral("sceneUseCardButton")), &QPushButton::clicked, this, [this] {
        const int r = m_row;
        m_document->edit(tr("Use a card"), ProjectDocument::ImagesAspect, [r](Project &edited) {
            if (r < int(edited.sceneImages.size()))
                edited.sceneImages[r] = SceneImage{};
        });
    });
    connect(m_problem->addAction(tr("Use my photo…"), QStringLiteral("sceneUsePhotoButton")), &QPushButton::clicked, this,
            [this] { emit photoRequested(m_row); });
}

} // namespace diy::ui
