#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace diy::ui {

/// Asks what the new video is about, what to call the project and where its pictures come from
/// (cards, Google Gemini, an OpenAI-compatible server). The main action lets the AI write the
/// script ("Write the script"); "I'll write it myself" creates the project with an empty script.
/// The name follows the description ("how to make a bird feeder…" → "Bird feeder…") until the
/// creator edits it.
class NewProjectDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewProjectDialog(QWidget *parent = nullptr);

    QString description() const;
    QString projectName() const;
    /// "cards", "gemini" or "openai" (Project::imageProvider).
    QString imageProvider() const;

signals:
    /// `aiScript`: the creator asked the AI to write the script.
    void createRequested(const QString &name, const QString &description, const QString &imageProvider, bool aiScript);

private:
    void refresh();

    QLineEdit *m_description;
    QLineEdit *m_name;
    QComboBox *m_pictures;
    QPushButton *m_writeScript;
    QPushButton *m_create;
    bool m_nameEdited = false;
};

} // namespace diy::ui
