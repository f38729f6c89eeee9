#pragma once

#include <QList>
#include <QSlider>
#include <QStringList>

namespace diy::ui {

/// A seek bar (milliseconds) with a marker at the start of every scene; hovering a marker names
/// the scene, clicking anywhere seeks there.
class SceneSeekBar : public QSlider {
    Q_OBJECT
public:
    explicit SceneSeekBar(QWidget *parent = nullptr);

    void setScenes(const QList<qint64> &startsMs, const QStringList &names);
    QList<qint64> sceneStarts() const { return m_starts; }

signals:
    void seekRequested(qint64 positionMs);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    int xForValue(qint64 value) const;
    qint64 valueForX(int x) const;

    QList<qint64> m_starts;
    QStringList m_names;
};

} // namespace diy::ui
