#include "settings/StudioSettings.h"

#include "model/Brief.h"
#include "model/DefaultVoice.h"
#include "tensorzero/GatewayAddress.h"

#include <QDir>
#include <QUrl>

namespace diy::ui {

namespace {

bool isHttpUrl(const QVariant &v)
{
    const QUrl url(v.toString(), QUrl::StrictMode);
    return url.isValid() && (url.scheme() == QStringLiteral("http") || url.scheme() == QStringLiteral("https"))
           && !url.host().isEmpty();
}

} // namespace

const QList<StudioSettings::Spec> &StudioSettings::table()
{
    static const QList<Spec> specs = {
        {Key::GatewayUrl, QStringLiteral("tensorzero/gatewayUrl"), GatewayAddress::builtIn(), isHttpUrl},
        {Key::ParallelJobs, QStringLiteral("render/parallelJobs"), 0,
         [](const QVariant &v) {
             bool ok = false;
             const int n = v.toInt(&ok);
             return ok && n >= 0 && n <= 64;
         }},
        {Key::Voice, QStringLiteral("render/voice"), DefaultVoice::builtIn(),
         [](const QVariant &v) { return DefaultVoice::isValid(v.toString()); }},
        {Key::CaptionStyle, QStringLiteral("render/captionStyle"), QStringLiteral("bold"),
         [](const QVariant &v) { return Brief::captionStyles().contains(v.toString()); }},
        {Key::Theme, QStringLiteral("ui/theme"), QStringLiteral("system"),
         [](const QVariant &v) {
             return QStringList{QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")}.contains(v.toString());
         }},
        {Key::RecentProjects, QStringLiteral("ui/recentProjects"), QStringList(),
         [](const QVariant &v) { return v.canConvert<QStringList>(); }},
        {Key::WindowGeometry, QStringLiteral("ui/windowGeometry"), QByteArray(), [](const QVariant &) { return true; }},
        {Key::WindowState, QStringLiteral("ui/windowState"), QByteArray(), [](const QVariant &) { return true; }},
        {Key::LastFolder, QStringLiteral("ui/lastFolder"), QDir::homePath(),
         [](const QVariant &v) { return !v.toString().isEmpty(); }},
    };
    return specs;
}

const StudioSettings::Spec &StudioSettings::spec(Key key)
{
    for (const Spec &s : table())
        if (s.key == key)
            return s;
    return table().first();
}

StudioSettings::StudioSettings(const QString &iniPath)
    : m_settings(iniPath.isEmpty() ? std::make_unique<QSettings>() : std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

QVariant StudioSettings::value(Key key) const
{
    const Spec &s = spec(key);
    const QVariant stored = m_settings->value(s.name);
    if (!stored.isValid() || !s.valid(stored))
        return s.defaultValue;
    if (s.defaultValue.typeId() == QMetaType::QStringList)
        return stored.toStringList();
    return stored;
}

bool StudioSettings::setValue(Key key, const QVariant &value)
{
    const Spec &s = spec(key);
    if (!s.valid(value))
        return false;
    m_settings->setValue(s.name, value);
    return true;
}

StudioSettings::Theme StudioSettings::theme() const
{
    const QString id = value(Key::Theme).toString();
    if (id == QStringLiteral("light"))
        return Theme::Light;
    if (id == QStringLiteral("dark"))
        return Theme::Dark;
    return Theme::System;
}

QString StudioSettings::themeId(Theme theme)
{
    switch (theme) {
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    case Theme::System: break;
    }
    return QStringLiteral("system");
}

void StudioSettings::addRecentProject(const QString &folder)
{
    QStringList list = recentProjects();
    const QString clean = QDir::cleanPath(folder);
    list.removeAll(clean);
    list.prepend(clean);
    while (list.size() > kMaxRecent)
        list.removeLast();
    setValue(Key::RecentProjects, list);
}

void StudioSettings::removeRecentProject(const QString &folder)
{
    QStringList list = recentProjects();
    list.removeAll(QDir::cleanPath(folder));
    setValue(Key::RecentProjects, list);
}

} // namespace diy::ui
