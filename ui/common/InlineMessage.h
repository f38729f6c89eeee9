#pragma once

#include "util/Error.h"

#include <QFrame>

class QLabel;
class QHBoxLayout;
class QToolButton;
class QPushButton;

namespace diy::ui {

/// A non-modal message shown in place (never a dialog): what happened and what to do next,
/// with optional action buttons. Hidden until there is something to say.
class InlineMessage : public QFrame {
    Q_OBJECT
public:
    enum class Level { Info, Success, Warning, Error };

    explicit InlineMessage(QWidget *parent = nullptr);

    void showMessage(Level level, const QString &text, const QString &detail = {});
    void showError(const diy::Error &error);
    /// Adds an action button (removed by the next showMessage/clear).
    QPushButton *addAction(const QString &text, const QString &objectName);
    void clear();

    Level level() const { return m_level; }
    QString text() const;

signals:
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyStyle();

    Level m_level = Level::Info;
    bool m_styling = false;
    QLabel *m_icon;
    QLabel *m_text;
    QHBoxLayout *m_actions;
    QToolButton *m_close;
};

} // namespace diy::ui
