#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QGroupBox;
class QToolButton;
class QPushButton;
class QStackedWidget;

namespace diy {
struct Script;
}

namespace diy::ui {

class InlineMessage;
class MaterialListModel;
class ProjectDocument;
class StepListModel;

/// Script review: title, intro, materials, steps (add, remove, reorder — numbers follow), completion.
/// Every edit is undoable. Import/export script JSON validated against the schema, problems shown by
/// field path. Word count and estimated spoken duration against the brief's target.
class ScriptPage : public QWidget {
    Q_OBJECT
public:
    explicit ScriptPage(ProjectDocument *document, QWidget *parent = nullptr);

    StepListModel *stepModel() const { return m_stepModel; }
    int currentStep() const;
    void selectStep(int row);
    /// Imports a script file (also what the Import button does after its file dialog).
    void importScript(const QString &path);
    void exportScript(const QString &path);

private:
    void onDocumentChanged(int aspects);
    void refresh();
    void refreshStepEditor();
    void refreshStats();
    void refreshProblems();
    void refreshListButtons();
    /// Keeps a text box within its schema length (the editor enforces the limits as you type).
    QString limited(QPlainTextEdit *edit, const QString &schemaPath);
    void editScript(const QString &text, const QString &mergeKey, const std::function<void(diy::Script &)> &change);
    QPlainTextEdit *makeTextEdit(const char *name, const QString &accessible, const QString &tip);

    ProjectDocument *m_document;
    StepListModel *m_stepModel;
    MaterialListModel *m_materialModel;
    QStackedWidget *m_stack;
    InlineMessage *m_message;
    QLabel *m_stats;
    QLineEdit *m_title;
    QPlainTextEdit *m_intro;
    QListView *m_steps;
    QListView *m_materials;
    QGroupBox *m_stepBox;
    QLineEdit *m_stepTitle;
    QPlainTextEdit *m_stepNarration;
    QPlainTextEdit *m_stepPrompt;
    QPlainTextEdit *m_completion;
    QLineEdit *m_thumbnailPrompt;
    QToolButton *m_removeStep;
    QToolButton *m_stepUp;
    QToolButton *m_stepDown;
    QToolButton *m_addStep;
    QToolButton *m_addMaterial;
    QToolButton *m_removeMaterial;
    InlineMessage *m_problems;
    bool m_refreshing = false;
};

} // namespace diy::ui
