#pragma once

#include <QSet>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace diy::ui {

class InlineMessage;
class ProjectDocument;

/// One scene's AI picture on the Images page: its prompt (as the AI wrote it, editable, undoable),
/// the style every picture shares, who drew it, "Regenerate with AI", and — when drawing it
/// failed (a safety block, the provider down) — the reason with the ways out: edit the prompt,
/// use a card, use my photo. Shown when the project's pictures come from an AI provider.
class ScenePromptPanel : public QWidget {
    Q_OBJECT
public:
    explicit ScenePromptPanel(ProjectDocument *document, QWidget *parent = nullptr);

    void setRow(int row);
    /// The scenes whose picture failed in the last run and why (empty: none).
    void setProblems(const QSet<int> &rows, const QString &message);

signals:
    void regenerateRequested(int row);
    void photoRequested(int row);

private:
    void refresh();

    ProjectDocument *m_document;
    InlineMessage *m_problem;
    QPlainTextEdit *m_prompt;
    QLineEdit *m_style;
    QLabel *m_origin;
    QPushButton *m_regenerate;
    QSet<int> m_problemRows;
    QString m_problemText;
    int m_row = -1;
    bool m_refreshing = false;
};

} // namespace diy::ui
