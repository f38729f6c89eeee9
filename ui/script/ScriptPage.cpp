#include "script/ScriptPage.h"

#include "common/DocumentUndoShortcuts.h"
#include "common/FileDialogs.h"
#include "common/Icons.h"
#include "common/InlineMessage.h"
#include "common/ProjectDocument.h"
#include "model/Script.h"
#include "model/ScriptPlaceholders.h"
#include "model/ScriptValidator.h"
#include "script/MaterialListModel.h"
#include "script/StepListModel.h"
#include "util/AtomicFile.h"
#include "util/JsonParser.h"

#include <nlohmann/json.hpp>

#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

namespace diy::ui {

namespace {

QToolButton *toolButton(const char *name, const QString &icon, const QString &tip, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setIcon(Icons::icon(icon));
    b->setToolTip(tip);
    b->setAccessibleName(tip);
    b->setAutoRaise(true);
    return b;
}

QString formatDuration(double seconds)
{
    const int s = int(seconds + 0.5);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

ScriptPage::ScriptPage(ProjectDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_stepModel(new StepListModel(document, this)),
      m_materialModel(new MaterialListModel(document, this)), m_stack(new QStackedWidget(this)),
      m_message(new InlineMessage(this)), m_stats(new QLabel(this)), m_title(new QLineEdit(this)), m_steps(new QListView(this)),
      m_materials(new QListView(this)), m_stepBox(new QGroupBox(this)), m_stepTitle(new QLineEdit(this)),
      m_thumbnailPrompt(new QLineEdit(this)), m_problems(new InlineMessage(this))
{
    setObjectName(QStringLiteral("scriptPage"));
    m_message->setObjectName(QStringLiteral("scriptMessage"));
    m_problems->setObjectName(QStringLiteral("scriptProblemsMessage"));
    m_stats->setObjectName(QStringLiteral("scriptStatsLabel"));
    m_stats->setAccessibleName(tr("Script length"));

    m_intro = makeTextEdit("introNarrationEdit", tr("Intro narration"), tr("What the host says over the title card."));
    m_stepNarration = makeTextEdit("stepNarrationEdit", tr("Step narration"), tr("What is spoken during this step."));
    m_stepPrompt = makeTextEdit("stepImagePromptEdit", tr("Step image prompt"), tr("What the picture for this step shows."));
    m_completion = makeTextEdit("completionNarrationEdit", tr("Completion narration"), tr("The closing words."));
    m_stepPrompt->setMaximumHeight(64);

    auto *heading = new QLabel(tr("Script"));
    heading->setObjectName(QStringLiteral("pageHeading"));
    QFont hf = heading->font();
    hf.setPointSizeF(hf.pointSizeF() * 1.5);
    hf.setBold(true);
    heading->setFont(hf);

    auto *importButton = new QPushButton(Icons::icon(QStringLiteral("import")), tr("Import…"), this);
    importButton->setObjectName(QStringLiteral("importScriptButton"));
    importButton->setToolTip(tr("Replace the script with a script JSON file (checked against the schema)"));
    importButton->setAccessibleName(tr("Import script"));
    auto *exportButton = new QPushButton(Icons::icon(QStringLiteral("export")), tr("Export…"), this);
    exportButton->setObjectName(QStringLiteral("exportScriptButton"));
    exportButton->setToolTip(tr("Save the script as JSON"));
    exportButton->setAccessibleName(tr("Export script"));

    auto *header = new QHBoxLayout;
    header->addWidget(heading);
    header->addSpacing(16);
    header->addWidget(m_stats, 1);
    header->addWidget(importButton);
    header->addWidget(exportButton);

    // Left: outline (steps and materials).
    m_steps->setObjectName(QStringLiteral("stepList"));
    m_steps->setAccessibleName(tr("Steps"));
    m_steps->setModel(m_stepModel);
    m_steps->setDragDropMode(QAbstractItemView::DragDrop);
    m_steps->setDefaultDropAction(Qt::MoveAction);
    m_steps->setDragEnabled(true);
    m_steps->setAcceptDrops(true);
    m_steps->viewport()->setAcceptDrops(true);
    m_steps->setDropIndicatorShown(true);
    m_steps->setToolTip(tr("Drag a step to reorder; numbers follow"));
    m_addStep = toolButton("addStepButton", QStringLiteral("add"), tr("Add a step after the selected one"), this);
    auto *addStep = m_addStep;
    m_removeStep = toolButton("removeStepButton", QStringLiteral("delete"), tr("Remove the selected step"), this);
    m_stepUp = toolButton("moveStepUpButton", QStringLiteral("up"), tr("Move the selected step up (Alt+Up)"), this);
    m_stepDown = toolButton("moveStepDownButton", QStringLiteral("down"), tr("Move the selected step down (Alt+Down)"), this);
    m_stepUp->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_stepDown->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    auto *stepTools = new QHBoxLayout;
    stepTools->setSpacing(2);
    stepTools->addWidget(addStep);
    stepTools->addWidget(m_removeStep);
    stepTools->addStretch();
    stepTools->addWidget(m_stepUp);
    stepTools->addWidget(m_stepDown);

    m_materials->setObjectName(QStringLiteral("materialList"));
    m_materials->setAccessibleName(tr("Materials"));
    m_materials->setModel(m_materialModel);
    m_materials->setToolTip(tr("Double-click a material to rename it"));
    m_materials->setMaximumHeight(150);
    m_addMaterial = toolButton("addMaterialButton", QStringLiteral("add"), tr("Add a material"), this);
    m_removeMaterial = toolButton("removeMaterialButton", QStringLiteral("delete"), tr("Remove the selected material"), this);
    auto *addMaterial = m_addMaterial;
    auto *removeMaterial = m_removeMaterial;
    auto *materialTools = new QHBoxLayout;
    materialTools->setSpacing(2);
    materialTools->addWidget(addMaterial);
    materialTools->addWidget(removeMaterial);
    materialTools->addStretch();

    auto *outline = new QWidget(this);
    auto *outlineLayout = new QVBoxLayout(outline);
    outlineLayout->setContentsMargins(0, 0, 8, 0);
    auto *stepsLabel = new QLabel(tr("<b>Steps</b>"), this);
    outlineLayout->addWidget(stepsLabel);
    outlineLayout->addWidget(m_steps, 1);
    outlineLayout->addLayout(stepTools);
    outlineLayout->addSpacing(8);
    outlineLayout->addWidget(new QLabel(tr("<b>Materials</b>"), this));
    outlineLayout->addWidget(m_materials);
    outlineLayout->addLayout(materialTools);
    outline->setMinimumWidth(240);

    // Right: the fields.
    m_title->setObjectName(QStringLiteral("scriptTitleEdit"));
    m_title->setAccessibleName(tr("Title"));
    m_title->setToolTip(tr("The video's title, shown on the intro card"));
    m_stepTitle->setObjectName(QStringLiteral("stepTitleEdit"));
    m_stepTitle->setAccessibleName(tr("Step title"));
    m_stepTitle->setToolTip(tr("The headline on this step's card"));
    m_thumbnailPrompt->setObjectName(QStringLiteral("thumbnailPromptEdit"));
    m_thumbnailPrompt->setAccessibleName(tr("Thumbnail prompt"));
    m_thumbnailPrompt->setToolTip(tr("What the video's thumbnail shows"));

    m_stepBox->setObjectName(QStringLiteral("stepEditorBox"));
    auto *stepForm = new QFormLayout(m_stepBox);
    stepForm->addRow(tr("Ti&tle:"), m_stepTitle);
    stepForm->addRow(tr("&Narration:"), m_stepNarration);
    stepForm->addRow(tr("Image &prompt:"), m_stepPrompt);

    auto *fields = new QWidget(this);
    auto *fieldsLayout = new QVBoxLayout(fields);
    fieldsLayout->setContentsMargins(8, 0, 8, 0);
    auto *top = new QFormLayout;
    top->addRow(tr("T&itle:"), m_title);
    top->addRow(tr("I&ntro:"), m_intro);
    fieldsLayout->addLayout(top);
    fieldsLayout->addWidget(m_stepBox);
    auto *bottom = new QFormLayout;
    bottom->addRow(tr("&Completion:"), m_completion);
    bottom->addRow(tr("Thumb&nail prompt:"), m_thumbnailPrompt);
    fieldsLayout->addLayout(bottom);
    fieldsLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(fields);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("scriptSplitter"));
    splitter->addWidget(outline);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 700});

    // Empty state.
    auto *empty = new QWidget(this);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch();
    auto *emptyText = new QLabel(tr("This project has no script yet.\nImport a script JSON file, or start from a blank "
                                    "script and write it yourself."),
                                 empty);
    emptyText->setAlignment(Qt::AlignCenter);
    auto *blank = new QPushButton(Icons::icon(QStringLiteral("new")), tr("Start a blank script"), empty);
    blank->setObjectName(QStringLiteral("blankScriptButton"));
    blank->setAccessibleName(tr("Start a blank script"));
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(blank, 0, Qt::AlignHCenter);
    emptyLayout->addStretch();

    m_stack->addWidget(empty);
    m_stack->addWidget(splitter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    layout->addLayout(header);
    layout->addWidget(m_message);
    layout->addWidget(m_problems);
    layout->addWidget(m_stack, 1);

    // The schema's text limits, enforced while typing.
    m_title->setMaxLength(ScriptValidator::maxLength(QStringLiteral("/title")));
    m_stepTitle->setMaxLength(ScriptValidator::maxLength(QStringLiteral("/steps/0/title")));
    m_thumbnailPrompt->setMaxLength(ScriptValidator::maxLength(QStringLiteral("/thumbnail_prompt")));
    for (QPlainTextEdit *edit : {m_intro, m_stepNarration, m_stepPrompt, m_completion})
        DocumentUndoShortcuts::disableOwnUndo(edit);

    // Edits.
    connect(m_title, &QLineEdit::textEdited, this,
            [this](const QString &t) { editScript(tr("Edit title"), QStringLiteral("/title"), [&](Script &s) { s.title = t; }); });
    connect(m_thumbnailPrompt, &QLineEdit::textEdited, this, [this](const QString &t) {
        editScript(tr("Edit thumbnail prompt"), QStringLiteral("/thumbnail_prompt"), [&](Script &s) { s.thumbnailPrompt = t; });
    });
    connect(m_intro, &QPlainTextEdit::textChanged, this, [this] {
        const QString t = limited(m_intro, QStringLiteral("/intro/narration"));
        editScript(tr("Edit intro"), QStringLiteral("/intro/narration"), [&](Script &s) { s.intro.narration = t; });
    });
    connect(m_completion, &QPlainTextEdit::textChanged, this, [this] {
        const QString t = limited(m_completion, QStringLiteral("/completion/narration"));
        editScript(tr("Edit completion"), QStringLiteral("/completion/narration"), [&](Script &s) { s.completion.narration = t; });
    });
    connect(m_stepTitle, &QLineEdit::textEdited, this, [this](const QString &t) {
        const int row = currentStep();
        editScript(tr("Edit step title"), QStringLiteral("/steps/%1/title").arg(row), [&](Script &s) {
            if (row >= 0 && row < s.steps.size())
                s.steps[row].title = t;
        });
    });
    connect(m_stepNarration, &QPlainTextEdit::textChanged, this, [this] {
        const int row = currentStep();
        const QString t = limited(m_stepNarration, QStringLiteral("/steps/0/narration"));
        editScript(tr("Edit step narration"), QStringLiteral("/steps/%1/narration").arg(row), [&](Script &s) {
            if (row >= 0 && row < s.steps.size())
                s.steps[row].narration = t;
        });
    });
    connect(m_stepPrompt, &QPlainTextEdit::textChanged, this, [this] {
        const int row = currentStep();
        const QString t = limited(m_stepPrompt, QStringLiteral("/steps/0/image_prompt"));
        editScript(tr("Edit image prompt"), QStringLiteral("/steps/%1/image_prompt").arg(row), [&](Script &s) {
            if (row >= 0 && row < s.steps.size())
                s.steps[row].imagePrompt = t;
        });
    });

    connect(m_steps->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] { refreshStepEditor(); });
    connect(m_stepModel, &QAbstractItemModel::modelReset, this, [this] { refreshStepEditor(); });
    connect(m_stepModel, &QAbstractItemModel::rowsMoved, this, [this] { refreshStepEditor(); });

    connect(addStep, &QToolButton::clicked, this, [this] {
        const auto &script = m_document->project().script;
        if (!script)
            return;
        const int at = currentStep() < 0 ? int(script->steps.size()) : currentStep() + 1;
        const int most = ScriptValidator::limits().stepsMax;
        if (script->steps.size() >= most) {
            m_message->showMessage(InlineMessage::Level::Warning,
                                   tr("A video can have at most %1 steps. Remove one first.").arg(most));
            return;
        }
        m_document->edit(tr("Add step"), ProjectDocument::ScriptAspect | ProjectDocument::ImagesAspect,
                         [&](Project &p) { p.insertStep(at, ScriptPlaceholders::newStep(at + 1)); });
        selectStep(at);
        m_stepTitle->setFocus();
        m_stepTitle->selectAll();
    });
    connect(m_removeStep, &QToolButton::clicked, this, [this] {
        const int row = currentStep();
        if (row < 0)
            return;
        m_document->edit(tr("Remove step %1").arg(row + 1), ProjectDocument::ScriptAspect | ProjectDocument::ImagesAspect,
                         [&](Project &p) { p.removeStep(row); });
        selectStep(std::min(row, m_stepModel->rowCount() - 1));
    });
    connect(m_stepUp, &QToolButton::clicked, this, [this] {
        const int row = currentStep();
        if (row > 0 && m_stepModel->moveRows({}, row, 1, {}, row - 1))
            selectStep(row - 1);
    });
    connect(m_stepDown, &QToolButton::clicked, this, [this] {
        const int row = currentStep();
        if (row >= 0 && row + 1 < m_stepModel->rowCount() && m_stepModel->moveRows({}, row, 1, {}, row + 2))
            selectStep(row + 1);
    });
    connect(addMaterial, &QToolButton::clicked, this, [this] {
        const int row = m_materialModel->rowCount();
        if (row >= ScriptValidator::limits().materialsMax)
            return;
        if (m_materialModel->insertRows(row, 1))
            m_materials->edit(m_materialModel->index(row));
    });
    connect(removeMaterial, &QToolButton::clicked, this, [this] {
        const QModelIndex current = m_materials->currentIndex();
        if (current.isValid() && m_materialModel->rowCount() > ScriptValidator::limits().materialsMin)
            m_materialModel->removeRows(current.row(), 1);
    });
    connect(blank, &QPushButton::clicked, this, [this] {
        const auto limits = ScriptValidator::limits();
        const int steps = std::clamp(m_document->project().brief.expectedSteps, limits.stepsMin, limits.stepsMax);
        m_document->edit(tr("Start a blank script"), ProjectDocument::ScriptAspect | ProjectDocument::ImagesAspect, [&](Project &p) {
            p.script = ScriptPlaceholders::blank(steps);
            p.syncSceneImages();
        });
    });
    connect(importButton, &QPushButton::clicked, this, [this] {
        FileDialogs::openFile(this, QStringLiteral("import-script"), tr("Import a script"), tr("Script JSON (*.json)"), this,
                              [this](const QString &path) { importScript(path); });
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        FileDialogs::saveFile(this, QStringLiteral("export-script"), tr("Export the script"), tr("Script JSON (*.json)"), this,
                              [this](const QString &path) { exportScript(path); });
    });

    connect(m_document, &ProjectDocument::changed, this, &ScriptPage::onDocumentChanged);
    refresh();
}

QPlainTextEdit *ScriptPage::makeTextEdit(const char *name, const QString &accessible, const QString &tip)
{
    auto *edit = new QPlainTextEdit(this);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setAccessibleName(accessible);
    edit->setToolTip(tip);
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(60);
    edit->setMaximumHeight(110);
    return edit;
}

int ScriptPage::currentStep() const
{
    const QModelIndex current = m_steps->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void ScriptPage::selectStep(int row)
{
    if (row >= 0 && row < m_stepModel->rowCount())
        m_steps->setCurrentIndex(m_stepModel->index(row));
    refreshStepEditor();
}

void ScriptPage::editScript(const QString &text, const QString &mergeKey, const std::function<void(Script &)> &change)
{
    if (m_refreshing || !m_document->project().script)
        return;
    m_document->edit(
        text, ProjectDocument::ScriptAspect, [&](Project &p) { change(*p.script); }, QStringLiteral("script") + mergeKey);
}

void ScriptPage::onDocumentChanged(int aspects)
{
    if (aspects & (ProjectDocument::ScriptAspect | ProjectDocument::BriefAspect))
        refresh();
}

void ScriptPage::refresh()
{
    m_refreshing = true;
    const auto &script = m_document->project().script;
    setEnabled(m_document->isOpen());
    m_stack->setCurrentIndex(script ? 1 : 0);
    if (script) {
        if (m_title->text() != script->title)
            m_title->setText(script->title);
        if (m_thumbnailPrompt->text() != script->thumbnailPrompt)
            m_thumbnailPrompt->setText(script->thumbnailPrompt);
        if (m_intro->toPlainText() != script->intro.narration)
            m_intro->setPlainText(script->intro.narration);
        if (m_completion->toPlainText() != script->completion.narration)
            m_completion->setPlainText(script->completion.narration);
        if (currentStep() < 0 && !script->steps.isEmpty())
            m_steps->setCurrentIndex(m_stepModel->index(0));
    }
    m_refreshing = false;
    refreshStepEditor();
    refreshStats();
    refreshProblems();
    refreshListButtons();
}

QString ScriptPage::limited(QPlainTextEdit *edit, const QString &schemaPath)
{
    const int most = ScriptValidator::maxLength(schemaPath);
    QString text = edit->toPlainText();
    if (most > 0 && text.size() > most && !m_refreshing) {
        text.truncate(most);
        m_refreshing = true;
        const int position = std::min(int(edit->textCursor().position()), int(most));
        edit->setPlainText(text);
        QTextCursor cursor = edit->textCursor();
        cursor.setPosition(position);
        edit->setTextCursor(cursor);
        m_refreshing = false;
        m_message->showMessage(InlineMessage::Level::Info,
                               tr("%1 can be at most %2 characters; the rest was cut.").arg(edit->accessibleName()).arg(most));
    }
    return text;
}

void ScriptPage::refreshListButtons()
{
    const auto &script = m_document->project().script;
    const auto limits = ScriptValidator::limits();
    const int steps = script ? int(script->steps.size()) : 0;
    const int materials = script ? int(script->materials.size()) : 0;
    m_addStep->setEnabled(script && steps < limits.stepsMax);
    m_addStep->setToolTip(steps < limits.stepsMax ? tr("Add a step after the selected one")
                                                  : tr("A video can have at most %1 steps").arg(limits.stepsMax));
    m_addMaterial->setEnabled(script && materials < limits.materialsMax);
    m_addMaterial->setToolTip(materials < limits.materialsMax
                                  ? tr("Add a material")
                                  : tr("A video can list at most %1 materials").arg(limits.materialsMax));
    m_removeMaterial->setEnabled(script && materials > limits.materialsMin);
    m_removeMaterial->setToolTip(materials > limits.materialsMin
                                     ? tr("Remove the selected material")
                                     : tr("A video needs at least %1 materials").arg(limits.materialsMin));
}

void ScriptPage::refreshProblems()
{
    const Project &p = m_document->project();
    FieldProblems problems;
    if (p.script)
        for (const FieldProblem &b : p.renderBlockers())
            if (b.path.startsWith(QStringLiteral("/script")))
                problems.append(b);
    if (problems.isEmpty()) {
        m_problems->clear();
        return;
    }
    QStringList lines;
    for (const FieldProblem &b : problems.mid(0, 5))
        lines << QStringLiteral("• ") + b.message;
    if (problems.size() > 5)
        lines << tr("…and %1 more.").arg(problems.size() - 5);
    m_problems->showMessage(InlineMessage::Level::Warning,
                            tr("Before this script can be rendered:") + QLatin1Char('\n') + lines.join(QLatin1Char('\n')),
                            problemLines(problems).join(QLatin1Char('\n')));
}

void ScriptPage::refreshStepEditor()
{
    m_refreshing = true;
    const auto &script = m_document->project().script;
    const int row = currentStep();
    const bool has = script && row >= 0 && row < script->steps.size();
    m_stepBox->setEnabled(has);
    m_removeStep->setEnabled(has && script->steps.size() > 3);
    m_removeStep->setToolTip(has && script->steps.size() <= 3 ? tr("A script needs at least 3 steps")
                                                              : tr("Remove the selected step"));
    m_stepUp->setEnabled(has && row > 0);
    m_stepDown->setEnabled(has && row + 1 < script->steps.size());
    if (has) {
        const Script::Step &step = script->steps.at(row);
        m_stepBox->setTitle(tr("Step %1").arg(step.stepNumber));
        if (m_stepTitle->text() != step.title)
            m_stepTitle->setText(step.title);
        if (m_stepNarration->toPlainText() != step.narration)
            m_stepNarration->setPlainText(step.narration);
        if (m_stepPrompt->toPlainText() != step.imagePrompt)
            m_stepPrompt->setPlainText(step.imagePrompt);
    } else {
        m_stepBox->setTitle(tr("Step"));
        m_stepTitle->clear();
        m_stepNarration->clear();
        m_stepPrompt->clear();
    }
    m_refreshing = false;
}

void ScriptPage::refreshStats()
{
    const Project &p = m_document->project();
    if (!p.script) {
        m_stats->clear();
        return;
    }
    const int words = p.script->spokenWordCount();
    const double seconds = words * 60.0 / std::max(1, p.brief.speechRate);
    const double target = p.brief.targetDurationSeconds;
    const double ratio = target > 0 ? seconds / target : 1.0;
    const bool off = ratio < 0.8 || ratio > 1.2;
    m_stats->setText(tr("%1 words · about %2 spoken · target %3").arg(words).arg(formatDuration(seconds), formatDuration(target)));
    m_stats->setStyleSheet(off ? QStringLiteral("color: #c07a00;") : QString());
    m_stats->setToolTip(off ? tr("The spoken length is more than 20% away from the brief's target duration.")
                            : tr("The spoken length is close to the brief's target duration."));
}

void ScriptPage::importScript(const QString &path)
{
    const auto bytes = AtomicFile::read(path, 4 * 1024 * 1024);
    if (!bytes) {
        m_message->showError(bytes.error());
        return;
    }
    const auto parsed = JsonParser::parse(*bytes, QFileInfo(path).fileName());
    if (!parsed) {
        m_message->showMessage(InlineMessage::Level::Error, tr("%1 Nothing was changed.").arg(parsed.error().message),
                               parsed.error().detail);
        return;
    }
    const nlohmann::json &json = *parsed;
    FieldProblems problems;
    auto script = Script::fromJson(json, {}, &problems);
    if (!script) {
        QStringList lines;
        for (const FieldProblem &problem : std::as_const(problems).mid(0, 8))
            lines << QStringLiteral("• ") + problem.message;
        if (problems.size() > 8)
            lines << tr("…and %1 more.").arg(problems.size() - 8);
        m_message->showMessage(InlineMessage::Level::Error,
                               tr("%1 cannot be used as it is; nothing was changed. Fix these and import again:\n%2")
                                   .arg(QFileInfo(path).fileName(), lines.join(QLatin1Char('\n'))),
                               problemLines(problems).join(QLatin1Char('\n')));
        return;
    }
    m_document->edit(tr("Import script"), ProjectDocument::ScriptAspect | ProjectDocument::ImagesAspect, [&](Project &p) {
        p.script = *script;
        p.syncSceneImages();
    });
    m_message->showMessage(InlineMessage::Level::Success,
                           tr("Imported %1. Undo (Ctrl+Z) brings the previous script back.").arg(QFileInfo(path).fileName()));
}

void ScriptPage::exportScript(const QString &path)
{
    const auto &script = m_document->project().script;
    if (!script)
        return;
    const QByteArray bytes = QByteArray::fromStdString(script->toJson().dump(2)) + '\n';
    const Status status = AtomicFile::write(path, bytes);
    if (!status) {
        m_message->showError(status.error());
        return;
    }
    const FieldProblems problems = script->validate();
    if (problems.isEmpty())
        m_message->showMessage(InlineMessage::Level::Success, tr("Exported the script to %1.").arg(path));
    else
        m_message->showMessage(InlineMessage::Level::Warning,
                               tr("Exported to %1, but the script is not finished yet: %2").arg(path, problems.first().message));
}

} // namespace diy::ui
