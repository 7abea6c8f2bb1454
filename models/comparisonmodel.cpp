#include "models/comparisonmodel.h"

#include <QFont>

using ComparisonMetrics::Metric;

ComparisonModel::ComparisonModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

ComparisonModel::~ComparisonModel() = default;

int ComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ComparisonMetrics::Count;
}

int ComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_slugs.size());
}

QVariant ComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto metric = Metric(index.row());
    const CharacterStats &stats = m_stats.at(index.column());
    const bool best = m_best.value(index.row(), -1) == index.column();
    switch (role) {
    case Qt::DisplayRole:
        return ComparisonMetrics::displayText(metric, stats);
    case Qt::ToolTipRole:
    case ExactRole:
        return ComparisonMetrics::exactText(metric, stats);
    case SortRole: {
        const auto v = ComparisonMetrics::value(metric, stats);
        return v ? QVariant(*v) : QVariant();
    }
    case BestRole:
        return best;
    case MetricRole:
        return index.row();
    case SlugRole:
        return m_slugs.at(index.column());
    case Qt::FontRole:
        if (best) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section >= 0 && section < ComparisonMetrics::Count
                   ? QVariant(ComparisonMetrics::name(Metric(section)))
                   : QVariant();
    const QString slug = m_slugs.value(section);
    return m_names.value(slug, slug);
}

void ComparisonModel::setDisplayNames(const QHash<QString, QString> &names)
{
    if (names == m_names)
        return;
    m_names = names;
    if (!m_slugs.isEmpty())
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, int(m_slugs.size()) - 1);
}

void ComparisonModel::setAggregate(const RangeAggregate &aggregate)
{
    m_aggregate = aggregate;
    rebuild();
    if (!m_slugs.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(ComparisonMetrics::Count - 1, columnCount() - 1));
}

void ComparisonModel::setCharacters(const QStringList &slugs)
{
    if (slugs == m_slugs)
        return;
    // Columns are few and all change meaning: a reset is the honest signal.
    beginResetModel();
    m_slugs = slugs;
    rebuild();
    endResetModel();
}

int ComparisonModel::bestColumn(Metric metric) const
{
    return m_best.value(int(metric), -1);
}

void ComparisonModel::rebuild()
{
    m_stats.clear();
    for (const QString &slug : std::as_const(m_slugs))
        m_stats.append(m_aggregate.stats(slug));
    m_best.clear();
    for (int row = 0; row < ComparisonMetrics::Count; ++row)
        m_best.append(ComparisonMetrics::bestIndex(Metric(row), m_stats));
}
