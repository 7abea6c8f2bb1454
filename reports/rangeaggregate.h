#pragma once

#include "api/usagepage.h"

#include <QDate>
#include <QMap>
#include <QStringList>
#include <QTimeZone>

#include <array>

/// What one session contributes to a "costliest" or "longest" list: enough to show and open it,
/// without keeping its transcript alive.
struct SessionBrief
{
    QString sessionId;
    QDateTime createdAt;
    double durationSeconds = 0;
    qint32 turnCount = 0;
    Money cost;

    [[nodiscard]] static SessionBrief from(const SessionSummary &session);
    friend bool operator==(const SessionBrief &, const SessionBrief &) = default;
};

/// Sessions and cost of one bucket (a day, an hour). Integers only, so buckets add up exactly.
struct DayFigures
{
    qint64 sessions = 0;
    Money cost;

    DayFigures &operator+=(const DayFigures &other)
    {
        sessions += other.sessions;
        cost += other.cost;
        return *this;
    }
    friend bool operator==(const DayFigures &, const DayFigures &) = default;
};

/// The sums behind every average the server's totals cannot give (durations, turns, shares).
/// Ratios are computed from these on demand, never accumulated.
struct CharacterStats
{
    UsageTotals totals; ///< the sessions' own sums; equal to the server's for the same filter
    double durationSeconds = 0;
    qint64 turns = 0;
    qint64 interruptions = 0;
    qint64 readyRecordings = 0;
    qint64 inProgress = 0;

    void add(const SessionSummary &session);
};

/// One pass over the sessions of a range, folded per character into per-day and per-hour
/// buckets (in the user's time zone), the sums for the comparison and the top sessions for the
/// daily report. Holds no SessionSummary: its size grows with characters × days, not sessions.
class RangeAggregate
{
public:
    static constexpr int TopCount = 5;

    struct PerCharacter
    {
        CharacterStats stats;
        QMap<QDate, DayFigures> days;       ///< only days with sessions
        std::array<DayFigures, 24> hours{}; ///< local hour of created_at
        QList<SessionBrief> costliest;      ///< most expensive first, at most TopCount
        QList<SessionBrief> longest;        ///< longest first, at most TopCount
    };

    /// An invalid zone means this machine's zone.
    explicit RangeAggregate(const QTimeZone &zone = {});

    void add(const SessionSummary &session);

    [[nodiscard]] QTimeZone zone() const { return m_zone; }
    [[nodiscard]] bool isEmpty() const { return m_characters.isEmpty(); }
    /// Every character seen, sorted.
    [[nodiscard]] QStringList slugs() const { return m_characters.keys(); }
    /// Null for a character without sessions in the range.
    [[nodiscard]] const PerCharacter *character(const QString &slug) const;
    /// A character's figures, zero when it has no sessions.
    [[nodiscard]] CharacterStats stats(const QString &slug) const;
    [[nodiscard]] DayFigures day(const QString &slug, QDate day) const;
    /// The earliest local day with a session of any character; invalid when there is none.
    /// An open-ended range ("all time") starts its per-day figures here.
    [[nodiscard]] QDate firstDay() const;
    /// All characters together.
    [[nodiscard]] CharacterStats overall() const;
    /// The local calendar day of an instant, as the buckets use it.
    [[nodiscard]] QDate localDay(const QDateTime &instant) const;

private:
    QTimeZone m_zone;
    QMap<QString, PerCharacter> m_characters;
};

Q_DECLARE_METATYPE(RangeAggregate)
