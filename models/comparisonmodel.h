#pragma once

#include "reports/comparisonmetrics.h"
#include "reports/rangeaggregate.h"

#include <QAbstractTableModel>
#include <QHash>

/// The comparison table: one row per ComparisonMetrics::Metric, one column per chosen
/// character (two to six in the window; any number here). The best value of each row carries
/// BestRole and a bold font. Filled from a RangeAggregate, so it never waits on the network.
class ComparisonModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparisonModel)

public:
    static constexpr int MinCharacters = 2;
    static constexpr int MaxCharacters = 6;

    enum Role {
        SortRole = Qt::UserRole + 1, ///< double, or invalid when undefined
        BestRole,                    ///< true on the best value of the row
        ExactRole,                   ///< exact text (money to the micro-dollar)
        MetricRole,                  ///< int(ComparisonMetrics::Metric)
        SlugRole,
    };

    explicit ComparisonModel(QObject *parent = nullptr);
    ~ComparisonModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setAggregate(const RangeAggregate &aggregate);
    void setCharacters(const QStringList &slugs);
    [[nodiscard]] QStringList characters() const { return m_slugs; }
    /// Characters' names where the server gives them (column headers); the slug otherwise.
    void setDisplayNames(const QHash<QString, QString> &names);
    [[nodiscard]] CharacterStats stats(int column) const { return m_stats.value(column); }
    [[nodiscard]] int bestColumn(ComparisonMetrics::Metric metric) const;

private:
    void rebuild();

    RangeAggregate m_aggregate;
    QStringList m_slugs;
    QHash<QString, QString> m_names; ///< slug -> display name
    QList<CharacterStats> m_stats;   ///< per column
    QList<int> m_best;               ///< per row, -1 = none
};
