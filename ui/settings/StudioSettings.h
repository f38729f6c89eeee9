#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <memory>

namespace diy::ui {

/// The studio's preferences: QSettings behind a typed table of keys, each with a default and a
/// validator (an invalid stored value reads as the default). Keys and secrets never go here:
/// they live in the OS keychain or the environment.
class StudioSettings {
public:
    enum class Key {
        GatewayUrl,
        ParallelJobs,
        Voice,
        CaptionStyle,
        Theme,
        RecentProjects,
        WindowGeometry,
        WindowState,
        LastFolder
    };
    enum class Theme { System, Light, Dark };

    struct Spec {
        Key key;
        QString name; ///< QSettings key
        QVariant defaultValue;
        std::function<bool(const QVariant &)> valid;
    };

    static const QList<Spec> &table();
    static const Spec &spec(Key key);

    /// Default: the application's QSettings. With a path: an INI file (tests).
    explicit StudioSettings(const QString &iniPath = {});

    QVariant value(Key key) const;
    /// Returns false (and stores nothing) when the value fails the key's validation.
    bool setValue(Key key, const QVariant &value);
    void sync() { m_settings->sync(); }

    QString gatewayUrl() const { return value(Key::GatewayUrl).toString(); }
    int parallelJobs() const { return value(Key::ParallelJobs).toInt(); }
    QString voice() const { return value(Key::Voice).toString(); }
    QString captionStyle() const { return value(Key::CaptionStyle).toString(); }
    Theme theme() const;
    QStringList recentProjects() const { return value(Key::RecentProjects).toStringList(); }
    void addRecentProject(const QString &folder);
    void removeRecentProject(const QString &folder);

    static QString themeId(Theme theme);
    static constexpr int kMaxRecent = 8;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace diy::ui
