#pragma once

#include <QCoreApplication>
#include <QString>

namespace diy::ui {

/// "1 photo" / "3 photos": the studio ships no translation files, so tr()'s %n plural forms would
/// print "1 photos". `many` holds %1 for the count.
inline QString countText(int n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(n);
}

} // namespace diy::ui
