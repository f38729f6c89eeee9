#pragma once

#include <nlohmann/json_fwd.hpp>

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace diy::ui {

/// The technical checks of the last video (the checks file of the render): each warning or error
/// with what to do about it, or a line saying the checks passed.
class CheckFindingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit CheckFindingsPanel(QWidget *parent = nullptr);

    /// Shows the findings of a checks report ({"findings": [{"severity", "code", "message"}]}).
    void showReport(const nlohmann::json &report);
    void clear();
    /// The finding lines shown (message and what to do), for tests and screen readers.
    QStringList findingTexts() const;

    /// What a creator can do about a finding, by its code.
    static QString advice(const QString &code);

private:
    QLabel *m_heading;
    QVBoxLayout *m_rows;
    QStringList m_texts;
};

} // namespace diy::ui
