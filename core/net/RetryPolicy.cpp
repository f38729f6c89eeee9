#include "net/RetryPolicy.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QString>

#include <algorithm>
#include <cmath>

namespace diy {

bool RetryPolicy::isRetryableStatus(int httpStatus)
{
    return httpStatus == 408 || httpStatus == 429 || httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
}

int RetryPolicy::backoffMs(int nextAttempt) const
{
    const int exponent = std::max(0, nextAttempt - 2);
    double delay = initialDelayMs * std::pow(multiplier, exponent);
    delay = std::min(delay, double(maxDelayMs));
    if (jitter > 0) {
        const double factor = 1.0 + jitter * (2.0 * QRandomGenerator::global()->generateDouble() - 1.0);
        delay *= factor;
    }
    return std::max(0, int(std::lround(delay)));
}

RetryPolicy RetryPolicy::none()
{
    RetryPolicy p;
    p.maxAttempts = 1;
    return p;
}

std::optional<qint64> RetryPolicy::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QString text = QString::fromLatin1(value).trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qlonglong seconds = text.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt : std::optional<qint64>(seconds * 1000);

    // HTTP-date (RFC 9110 5.6.7): IMF-fixdate is the preferred form; the two obsolete forms are accepted
    // too. The weekday is dropped before parsing: it is redundant, and with two-digit years Qt
    // would check it against the wrong century.
    const QLocale c = QLocale::c();
    QString normalised = text.simplified();
    const qsizetype comma = normalised.indexOf(QLatin1Char(','));
    static const QString formats[] = {
        QStringLiteral("dd MMM yyyy HH:mm:ss 'GMT'"),
        QStringLiteral("dd-MMM-yy HH:mm:ss 'GMT'"),
        QStringLiteral("MMM d HH:mm:ss yyyy"),
    };
    normalised = comma >= 0 ? normalised.mid(comma + 1).trimmed() : normalised.section(QLatin1Char(' '), 1);
    for (const QString &format : formats) {
        QDateTime when = c.toDateTime(normalised, format);
        if (!when.isValid())
            continue;
        if (when.date().year() < 1970)
            when = when.addYears(100); // two-digit years of the RFC 850 form
        when.setTimeSpec(Qt::UTC);
        return std::max<qint64>(0, now.msecsTo(when));
    }
    return std::nullopt;
}

} // namespace diy
