#pragma once

#include <QHash>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace diy::ui {

class ProjectDocument;
class VoicePicker;

/// Every brief field with inline validation: each problem from Brief::validate() is shown under
/// the field it is about. Edits are undoable.
class BriefPage : public QWidget {
    Q_OBJECT
public:
    explicit BriefPage(ProjectDocument *document, QWidget *parent = nullptr);

    /// Problems currently shown, by brief path ("/description" → message).
    QHash<QString, QString> shownProblems() const;

private:
    void onDocumentChanged(int aspects);
    void refresh();
    QLabel *problemLabel(const QString &path);
    void addField(QFormLayout *form, const QString &label, QWidget *field, const QString &path, const QString &tip);

    ProjectDocument *m_document;
    QLineEdit *m_description;
    QLabel *m_descriptionCount;
    QComboBox *m_contentMode;
    QSpinBox *m_duration;
    QSpinBox *m_steps;
    QLineEdit *m_host;
    QComboBox *m_format;
    QComboBox *m_pictures;
    VoicePicker *m_voice;
    QSpinBox *m_rate;
    QComboBox *m_captionStyle;
    QComboBox *m_captionPosition;
    QLineEdit *m_music;
    QDoubleSpinBox *m_musicVolume;
    QHash<QString, QLabel *> m_problems;
    bool m_refreshing = false;
};

} // namespace diy::ui
