#include "util/UrlRedaction.h"

#include <QRegularExpression>

namespace diy {

QString UrlRedaction::display(const QUrl &url)
{
    if (url.userInfo().isEmpty() && url.userName().isEmpty())
        return url.toString();
    // Built by hand: QUrl would percent-encode "***".
    QUrl bare = url;
    bare.setUserInfo(QString());
    const QString plain = bare.toString();
    const QString scheme = url.scheme() + QStringLiteral("://");
    if (!plain.startsWith(scheme))
        return text(url.toString());
    return scheme + QStringLiteral("***@") + plain.mid(scheme.size());
}

QString UrlRedaction::text(const QString &line)
{
    // scheme "://" then user info up to the first "@" that comes before any "/", "?", "#" or space.
    static const QRegularExpression userInfo(QStringLiteral("([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@\\s]+@"));
    if (!line.contains(QLatin1Char('@')))
        return line;
    QString out = line;
    out.replace(userInfo, QStringLiteral("\\1***@"));
    return out;
}

} // namespace diy
