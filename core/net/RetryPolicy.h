#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace diy {

/// When and how often an HTTP job tries again. Exponential backoff with jitter; the server's
/// Retry-After wins when it asks for a longer wait. Tests shrink the delays to milliseconds.
struct RetryPolicy {
    int maxAttempts = 4;           ///< total attempts including the first (1 = never retry)
    int initialDelayMs = 500;      ///< delay before the second attempt
    double multiplier = 2.0;       ///< growth per attempt
    int maxDelayMs = 30'000;       ///< cap of the computed backoff
    double jitter = 0.2;           ///< +/- fraction applied to the computed backoff
    int maxRetryAfterMs = 120'000; ///< a Retry-After longer than this ends the job instead of waiting

    /// 429, 408, 502, 503, 504. Never 400/401/403/404/422 or other 4xx.
    static bool isRetryableStatus(int httpStatus);
    /// Backoff before attempt number `nextAttempt` (2 = first retry), jitter applied.
    int backoffMs(int nextAttempt) const;
    static RetryPolicy none();

    /// Parses a Retry-After header: delta-seconds or an HTTP-date (IMF-fixdate, RFC 850, asctime).
    /// Returns the wait in ms relative to `now` (never negative), or nothing if unparsable.
    static std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now);
};

} // namespace diy
