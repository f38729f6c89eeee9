#pragma once

#include <QWidget>

namespace diy::ui {

/// The first page: what the studio does, and the three ways to start.
class WelcomeScreen : public QWidget {
    Q_OBJECT
public:
    explicit WelcomeScreen(QWidget *parent = nullptr);

signals:
    void exampleRequested();
    void newProjectRequested();
    void openProjectRequested();
};

} // namespace diy::ui
