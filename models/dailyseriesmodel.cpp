#include "models/dailyseriesmodel.h"

DailySeriesModel::DailySeriesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

DailySeriesModel::~DailySeriesModel() = default;

int DailySeriesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_days;
}

int DailySeriesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1 + int(m_slugs.size());
}

DayFigures DailySeriesModel::figures(int row, const QString &slug) const
{
    if (row < 0 || row >= m_days)
        return {};
    return m_aggregate.day(slug, m_first.addDays(row));
}

DayFigures DailySeriesModel::total(const QString &slug) const
{
    DayFigures sum;
    const QStringList slugs = slug.isEmpty() ? m_slugs : QStringList{slug};
    for (int row = 0; row < m_days; ++row) {
        for (const QString &s : slugs)
            sum += figures(row, s);
    }
    return sum;
}

QVariant DailySeriesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QDate day = m_first.addDays(index.row());
    if (role == DayRole)
        return day;
    if (index.column() == 0) {
        if (role == Qt::DisplayRole || role == ExportRole)
            return day.toString(Qt::ISODate);
        if (role == SortRole)
            return day.toJulianDay();
        return {};
    }
    const QString &slug = m_slugs.at(index.column() - 1);
    if (role == SlugRole)
        return slug;
    const DayFigures f = m_aggregate.day(slug, day);
    switch (role) {
    case SessionsRole:
        return f.sessions;
    case CostMicrosRole:
        return f.cost.micros();
    case SortRole:
        return m_metric == Metric::Sessions ? f.sessions : f.cost.micros();
    case Qt::DisplayRole:
    case ExportRole:
        return m_metric == Metric::Sessions ? QString::number(f.sessions)
                                            : f.cost.toDecimalString();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant DailySeriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == ExportRole) {
        if (section == 0)
            return QStringLiteral("day");
        if (section < 0 || section > m_slugs.size())
            return {};
        return m_slugs.at(section - 1) + (m_metric == Metric::Sessions
                                              ? QStringLiteral("_sessions")
                                              : QStringLiteral("_cost_usd"));
    }
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section >= 0 && section < m_days ? QVariant(m_first.addDays(section)) : QVariant();
    if (section == 0)
        return tr("Day");
    return section > 0 && section <= m_slugs.size() ? QVariant(m_slugs.at(section - 1))
                                                    : QVariant();
}

void DailySeriesModel::setAggregate(const RangeAggregate &aggregate, QDate first, QDate last,
                                    const QStringList &slugs)
{
    beginResetModel();
    m_aggregate = aggregate;
    m_slugs = slugs.isEmpty() ? aggregate.slugs() : slugs;
    m_first = first;
    m_last = last;
    m_days = first.isValid() && last.isValid() && first <= last ? int(first.daysTo(last)) + 1 : 0;
    endResetModel();
}

void DailySeriesModel::clear()
{
    beginResetModel();
    m_aggregate = RangeAggregate(m_aggregate.zone());
    m_slugs.clear();
    m_first = m_last = {};
    m_days = 0;
    endResetModel();
}

void DailySeriesModel::setMetric(Metric metric)
{
    if (m_metric == metric)
        return;
    m_metric = metric;
    if (m_days > 0 && !m_slugs.isEmpty())
        Q_EMIT dataChanged(index(0, 1), index(m_days - 1, int(m_slugs.size())),
                           {Qt::DisplayRole, SortRole, ExportRole});
    if (!m_slugs.isEmpty())
        Q_EMIT headerDataChanged(Qt::Horizontal, 1, int(m_slugs.size()));
}
