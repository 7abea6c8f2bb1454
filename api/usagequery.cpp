#include "api/usagequery.h"

#include <QDateTime>
#include <QUrl>

namespace {
constexpr qint64 MicrosPerSecond = 1000000;
constexpr qint64 UnixEpochJulianDay = 2440588; // QDate(1970, 1, 1).toJulianDay()

std::optional<int> digits(std::string_view text, std::size_t pos, int count)
{
    if (pos + std::size_t(count) > text.size())
        return std::nullopt;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char c = text[pos + std::size_t(i)];
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}
} // namespace

UtcRange UtcRange::forDays(QDate first, QDate last, const QTimeZone &zone)
{
    UtcRange range;
    if (first.isValid())
        range.startMicros = first.startOfDay(zone).toMSecsSinceEpoch() * 1000;
    if (last.isValid())
        range.endMicros = last.addDays(1).startOfDay(zone).toMSecsSinceEpoch() * 1000 - 1;
    return range;
}

QString formatIsoUtc(qint64 micros)
{
    qint64 seconds = micros / MicrosPerSecond;
    qint64 fraction = micros % MicrosPerSecond;
    if (fraction < 0) {
        fraction += MicrosPerSecond;
        --seconds;
    }
    const QDateTime dt = QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc());
    QString text = dt.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (fraction != 0)
        text += QLatin1Char('.') + QString::number(fraction).rightJustified(6, QLatin1Char('0'));
    return text + QLatin1Char('Z');
}

std::optional<qint64> parseIsoDateTime(std::string_view t)
{
    // YYYY-MM-DD[THH:MM[:SS[.f{1,9}]](Z|±HH[:MM])]
    const auto year = digits(t, 0, 4), month = digits(t, 5, 2), day = digits(t, 8, 2);
    if (!year || !month || !day || t.size() < 10 || t[4] != '-' || t[7] != '-')
        return std::nullopt;
    const QDate date(*year, *month, *day);
    if (!date.isValid())
        return std::nullopt;
    // Plain day arithmetic: this runs twice for every decoded session, and going through a
    // QTimeZone each time would cost more than the rest of the date.
    const qint64 dayMicros = (date.toJulianDay() - UnixEpochJulianDay) * 86400 * MicrosPerSecond;
    if (t.size() == 10)
        return dayMicros;
    if (t[10] != 'T' && t[10] != 't' && t[10] != ' ')
        return std::nullopt;
    const auto hour = digits(t, 11, 2), minute = digits(t, 14, 2);
    if (!hour || !minute || t.size() < 16 || t[13] != ':' || *hour > 23 || *minute > 59)
        return std::nullopt;
    std::size_t pos = 16;
    int second = 0;
    qint64 fraction = 0;
    if (pos < t.size() && t[pos] == ':') {
        const auto s = digits(t, pos + 1, 2);
        if (!s || *s > 59)
            return std::nullopt;
        second = *s;
        pos += 3;
        if (pos < t.size() && (t[pos] == '.' || t[pos] == ',')) {
            ++pos;
            int n = 0;
            for (; pos < t.size() && t[pos] >= '0' && t[pos] <= '9'; ++pos, ++n) {
                if (n < 6)
                    fraction = fraction * 10 + (t[pos] - '0');
            }
            if (n == 0)
                return std::nullopt;
            for (; n < 6; ++n)
                fraction *= 10; // digits past microseconds are dropped, never rounded up
        }
    }
    qint64 offsetSeconds = 0;
    if (pos >= t.size())
        return std::nullopt; // a time without a zone is ambiguous; the API always sends one
    if (t[pos] == 'Z' || t[pos] == 'z') {
        ++pos;
    } else if (t[pos] == '+' || t[pos] == '-') {
        const int sign = t[pos] == '-' ? -1 : 1;
        const auto oh = digits(t, pos + 1, 2);
        if (!oh || *oh > 23)
            return std::nullopt;
        pos += 3;
        int om = 0;
        if (pos < t.size() && t[pos] == ':')
            ++pos;
        if (pos < t.size()) {
            const auto m = digits(t, pos, 2);
            if (!m || *m > 59)
                return std::nullopt;
            om = *m;
            pos += 2;
        }
        offsetSeconds = sign * (*oh * 3600 + om * 60);
    } else {
        return std::nullopt;
    }
    if (pos != t.size())
        return std::nullopt;
    const qint64 secs = qint64(*hour) * 3600 + qint64(*minute) * 60 + second - offsetSeconds;
    return dayMicros + secs * MicrosPerSecond + fraction;
}

std::optional<qint64> parseIsoDateTime(QStringView text)
{
    const QByteArray latin = text.toLatin1();
    return parseIsoDateTime(std::string_view(latin.constData(), std::size_t(latin.size())));
}

QDateTime dateTimeFromMicros(qint64 micros)
{
    const qint64 ms = micros >= 0 ? micros / 1000 : -((-micros + 999) / 1000);
    // Qt::UTC, not QTimeZone::utc(): no time-zone object is built for every decoded date.
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

qint64 microsFromDateTime(const QDateTime &dateTime)
{
    return dateTime.toMSecsSinceEpoch() * 1000;
}

QString UsageQuery::toQueryString() const
{
    QList<std::pair<const char *, QString>> items;
    if (!characterSlug.isEmpty())
        items.append({"character_slug", characterSlug});
    if (!tenantId.isEmpty())
        items.append({"tenant_id", tenantId});
    if (range.startMicros)
        items.append({"start", formatIsoUtc(*range.startMicros)});
    if (range.endMicros)
        items.append({"end", formatIsoUtc(*range.endMicros)});
    items.append({"page", QString::number(page)});
    items.append({"page_size", QString::number(pageSize)});
    QByteArray out;
    for (const auto &[key, value] : items) {
        if (!out.isEmpty())
            out += '&';
        out += key;
        out += '=';
        out += QUrl::toPercentEncoding(value);
    }
    return QString::fromLatin1(out);
}

UsageQuery UsageQuery::atPage(int newPage) const
{
    UsageQuery q = *this;
    q.page = newPage;
    return q;
}

bool UsageQuery::sameFilter(const UsageQuery &other) const
{
    return characterSlug == other.characterSlug && tenantId == other.tenantId &&
           range == other.range && pageSize == other.pageSize;
}
