#pragma once

#include <QTimer>
#include <QWidget>

class QPlainTextEdit;

namespace diy::ui {

/// The log: the last lines of the spdlog ring buffer (already redacted), refreshed while visible.
class LogView : public QWidget {
    Q_OBJECT
public:
    explicit LogView(QWidget *parent = nullptr);
    void reload();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QPlainTextEdit *m_text;
    QTimer m_timer;
    QString m_lastLine;
    int m_lastCount = 0;
};

} // namespace diy::ui
