#pragma once

#include "api/usagequery.h"
#include "reports/rangeaggregate.h"

#include <array>
#include <optional>

/// One character over one period (a day, or any range), beside the period of equal length just
/// before it. Built by DailyReportBuilder; printed by `sessionscope report --day` and shown by
/// the report page.
struct DailyReport
{
    QString characterSlug;
    QString tenantId;
    UtcRange range;
    UtcRange previousRange;
    QTimeZone zone;
    UsageTotals totals;   ///< the server's, for the period
    UsageTotals previous; ///< the server's, for the previous period
    CharacterStats stats; ///< the period's sessions, summed locally (durations, turns)
    QList<SessionBrief> costliest;
    QList<SessionBrief> longest;
    std::array<DayFigures, 24> hours{}; ///< by local hour of the session's start

    /// A figure now, before, and the change; `percent` is undefined when before was zero.
    struct Change
    {
        /// What the figure counts, so that a view can write it as such.
        enum class Unit { Count, Money, Seconds };
        Unit unit = Unit::Count;
        QString key;  ///< machine name, e.g. "sessions"
        QString name; ///< for people
        double current = 0;
        double previous = 0;
        double absolute = 0;
        std::optional<double> percent;
        QString currentText; ///< exact (money as a decimal string)
        QString previousText;
        QString absoluteText;
    };
    [[nodiscard]] QList<Change> changes() const;

    /// The period before `range`, of equal length: whole days when `range` is whole local days
    /// of `zone` (so a day of 23 or 25 hours is compared with the day before), else the same
    /// number of microseconds.
    [[nodiscard]] static UtcRange previousPeriod(const UtcRange &range, const QTimeZone &zone);
};

Q_DECLARE_METATYPE(DailyReport)
