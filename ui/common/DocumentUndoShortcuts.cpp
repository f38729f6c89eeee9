#include "common/DocumentUndoShortcuts.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QUndoStack>

namespace diy::ui {

namespace {

bool isTextInput(const QObject *object)
{
    return qobject_cast<const QLineEdit *>(object) || qobject_cast<const QPlainTextEdit *>(object)
           || qobject_cast<const QTextEdit *>(object) || qobject_cast<const QAbstractSpinBox *>(object);
}

enum class Key { None, Undo, Redo };

Key undoKey(const QKeyEvent *event)
{
    if (event->matches(QKeySequence::Undo))
        return Key::Undo;
    const QKeyCombination combo = event->keyCombination();
    if (event->matches(QKeySequence::Redo) || combo == QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_Z)
        || combo == QKeyCombination(Qt::ControlModifier, Qt::Key_Y))
        return Key::Redo;
    return Key::None;
}

} // namespace

DocumentUndoShortcuts::DocumentUndoShortcuts(QUndoStack *stack, QWidget *window)
    : QObject(window), m_stack(stack), m_window(window)
{
    qApp->installEventFilter(this);
}

void DocumentUndoShortcuts::disableOwnUndo(QWidget *textInput)
{
    if (auto *plain = qobject_cast<QPlainTextEdit *>(textInput))
        plain->setUndoRedoEnabled(false);
    else if (auto *rich = qobject_cast<QTextEdit *>(textInput))
        rich->setUndoRedoEnabled(false);
}

bool DocumentUndoShortcuts::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if ((type != QEvent::ShortcutOverride && type != QEvent::KeyPress) || !isTextInput(watched))
        return false;
    auto *widget = static_cast<QWidget *>(watched);
    if (widget->window() != m_window)
        return false; // dialogs (settings, new project) keep their boxes' own undo
    const Key key = undoKey(static_cast<QKeyEvent *>(event));
    if (key == Key::None)
        return false;
    if (type == QEvent::ShortcutOverride) {
        // Not accepted: the text box does not claim the key, so it reaches the window's
        // Undo/Redo actions (and this filter's KeyPress branch when no action takes it).
        event->ignore();
        return true;
    }
    if (key == Key::Undo)
        m_stack->undo();
    else
        m_stack->redo();
    return true;
}

} // namespace diy::ui
