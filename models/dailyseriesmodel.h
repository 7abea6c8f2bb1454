#pragma once

#include "reports/rangeaggregate.h"

#include <QAbstractTableModel>

/// Sessions and cost per character per local day of a range: one row per calendar day from
/// first to last (days without sessions included, as zeros), column 0 the day and one column
/// per character. The time-series chart reads it.
///
/// Figures come from a RangeAggregate (one pass over the range's sessions, 200 per page), not
/// from one `page_size=1` request per day and character. Measured by bench_charts for 90 days ×
/// 8 characters on loopback: 720 requests took 6.6 s where the pass took 8 pages and 0.43 s
/// (2,000-session demo); with 20,000 sessions, 8.0 s against 75 pages and 3.8 s. The pass also
/// yields the user's local days for any zone without 90 more range computations per character,
/// and the averages, hours and top sessions that the comparison and the report need anyway.
/// Request counts cross over near 144,000 sessions in the range (720 × 200). Because every
/// bucket is an integer sum of the same sessions, the days of a character add up exactly to
/// the totals of its range.
class DailySeriesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DailySeriesModel)

public:
    enum class Metric { Sessions, Cost };
    Q_ENUM(Metric)
    enum Role {
        SortRole = Qt::UserRole + 1, ///< the current metric, money in micro-dollars
        DayRole,                     ///< the row's QDate
        SlugRole,                    ///< the column's character
        SessionsRole,                ///< qint64
        CostMicrosRole,              ///< qint64
        /// What the CSV export writes: the day (ISO 8601) and the current metric exactly;
        /// its header names the columns for scripts ("day", "SLUG_sessions", "SLUG_cost_usd").
        ExportRole,
    };

    explicit DailySeriesModel(QObject *parent = nullptr);
    ~DailySeriesModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Replaces everything: the days `first`..`last` (local to the aggregate's zone) and the
    /// characters `slugs` (empty = every character of the aggregate).
    void setAggregate(const RangeAggregate &aggregate, QDate first, QDate last,
                      const QStringList &slugs = {});
    void clear();
    void setMetric(Metric metric);
    [[nodiscard]] Metric metric() const { return m_metric; }

    [[nodiscard]] QStringList slugs() const { return m_slugs; }
    [[nodiscard]] QDate firstDay() const { return m_first; }
    [[nodiscard]] QDate lastDay() const { return m_last; }
    [[nodiscard]] DayFigures figures(int row, const QString &slug) const;
    /// Sum over the days of one character (or of all, for an empty slug).
    [[nodiscard]] DayFigures total(const QString &slug = {}) const;

private:
    RangeAggregate m_aggregate;
    QStringList m_slugs;
    QDate m_first;
    QDate m_last;
    int m_days = 0;
    Metric m_metric = Metric::Sessions;
};
