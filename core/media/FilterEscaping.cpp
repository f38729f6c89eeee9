#include "media/FilterEscaping.h"

namespace diy {

namespace {
QString escapeChars(const QString &value, QStringView special)
{
    QString out;
    out.reserve(value.size() * 2);
    for (const QChar c : value) {
        if (special.contains(c))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}
} // namespace

QString FilterEscaping::optionValue(const QString &value)
{
    return escapeChars(value, u"\\':");
}

QString FilterEscaping::filterArgument(const QString &value)
{
    return escapeChars(optionValue(value), u"\\'[],;");
}

QString FilterEscaping::concatListPath(const QString &path)
{
    QString quoted = path;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace diy
