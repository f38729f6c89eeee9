#pragma once

#include <QObject>

class QUndoStack;
class QWidget;

namespace diy::ui {

/// One undo history for the document, whatever has focus. Text boxes keep their own undo history
/// and take Ctrl+Z / Ctrl+Shift+Z for it; inside `window` this hands those keys to the document's
/// undo stack instead (every keystroke in a text box is already a document edit, merged per field).
class DocumentUndoShortcuts : public QObject {
    Q_OBJECT
public:
    DocumentUndoShortcuts(QUndoStack *stack, QWidget *window);

    /// Turns off the widget's own undo history (text edits) so its context menu does not offer it.
    static void disableOwnUndo(QWidget *textInput);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QUndoStack *m_stack;
    QWidget *m_window;
};

} // namespace diy::ui
