#pragma once

#include <QDate>
#include <QString>
#include <QTimeZone>

#include <optional>

/// An inclusive range of instants in UTC, held in microseconds since the epoch because the API
/// compares `created_at` (which carries microseconds) against inclusive bounds.
struct UtcRange
{
    std::optional<qint64> startMicros;
    std::optional<qint64> endMicros;

    /// Whole calendar days from `first` to `last` (inclusive) as lived in `zone`: from the first
    /// day's first instant to the last microsecond before the day after `last` begins. Days of a
    /// daylight-saving change are 23 or 25 hours long; that is the point of doing it here.
    [[nodiscard]] static UtcRange forDays(QDate first, QDate last, const QTimeZone &zone);
    friend bool operator==(const UtcRange &, const UtcRange &) = default;
};

/// Formats microseconds since the epoch as the API wants it: "2026-05-01T00:00:00Z", with six
/// fractional digits only when the instant is not on a whole second.
[[nodiscard]] QString formatIsoUtc(qint64 micros);
/// Parses an ISO-8601 date-time with a `Z` or numeric offset (or a bare date, taken as the start
/// of that day in UTC) into microseconds since the epoch; nullopt when malformed.
[[nodiscard]] std::optional<qint64> parseIsoDateTime(QStringView text);
[[nodiscard]] std::optional<qint64> parseIsoDateTime(std::string_view text);
[[nodiscard]] QDateTime dateTimeFromMicros(qint64 micros);
[[nodiscard]] qint64 microsFromDateTime(const QDateTime &dateTime);

/// The filters and the page of one GET /api/billing/usage/ request. The one place that knows the
/// API's parameter names.
struct UsageQuery
{
    static constexpr int DefaultPageSize = 50;
    static constexpr int MaxPageSize = 200;

    QString characterSlug;
    QString tenantId;
    UtcRange range;
    int page = 1;
    int pageSize = DefaultPageSize;

    /// The query string, every value percent-encoded (a "+" in a slug must not become a space).
    [[nodiscard]] QString toQueryString() const;
    /// The same filters at another page.
    [[nodiscard]] UsageQuery atPage(int page) const;
    /// True when both ask for the same sessions, whatever the page.
    [[nodiscard]] bool sameFilter(const UsageQuery &other) const;
    friend bool operator==(const UsageQuery &, const UsageQuery &) = default;
};
