#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace diy::ui {

/// Asks what the new video is about and what to call the project. The name follows the
/// description ("how to make a bird feeder…" → "Bird feeder…") until the creator edits it.
class NewProjectDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewProjectDialog(QWidget *parent = nullptr);

    QString description() const;
    QString projectName() const;

signals:
    void createRequested(const QString &name, const QString &description);

private:
    void refresh();

    QLineEdit *m_description;
    QLineEdit *m_name;
    QPushButton *m_create;
    bool m_nameEdited = false;
};

} // namespace diy::ui
