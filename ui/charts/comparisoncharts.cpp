#include "ui/charts/comparisoncharts.h"
#include "models/characterpalette.h"
#include "models/comparisonmodel.h"
#include "ui/charts/nicescale.h"
#include "ui/palettecolours.h"

namespace {
NiceScale::Kind scaleKind(ComparisonMetrics::Metric metric)
{
    const QString unit = ComparisonMetrics::unit(metric);
    if (unit == u"sessions")
        return NiceScale::Kind::Count;
    if (unit.startsWith(u"USD"))
        return NiceScale::Kind::Money;
    if (unit == u"share")
        return NiceScale::Kind::Share;
    return NiceScale::Kind::Number;
}
} // namespace

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChartView>
#include <QGridLayout>
#include <QStackedBarSeries>
#include <QValueAxis>

ComparisonCharts::ComparisonCharts(ComparisonModel *model, CharacterPalette *palette,
                                   QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_palette(palette)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    for (int row = 0; row < ComparisonMetrics::Count; ++row) {
        auto *view = new QChartView(new QChart, this);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(200, 150);
        QChart *chart = view->chart();
        chart->legend()->hide();
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->setMargins(QMargins(2, 2, 2, 2));
        QFont title = chart->titleFont();
        title.setPointSizeF(title.pointSizeF() * 0.85);
        chart->setTitleFont(title);
        view->setAccessibleName(ComparisonMetrics::name(ComparisonMetrics::Metric(row)));
        grid->addWidget(view, row / Columns, row % Columns);
        m_views.append(view);
    }
    m_rebuild.setSingleShot(true);
    m_rebuild.setInterval(0);
    connect(&m_rebuild, &QTimer::timeout, this, &ComparisonCharts::rebuild);
    const auto schedule = [this] {
        m_rebuild.start();
    };
    connect(m_model, &QAbstractItemModel::dataChanged, this, schedule);
    connect(m_model, &QAbstractItemModel::modelReset, this, schedule);
    rebuild();
}

ComparisonCharts::~ComparisonCharts() = default;

void ComparisonCharts::rebuildNow()
{
    rebuild();
}

double ComparisonCharts::plotted(int row, int column) const
{
    const QChart *chart = m_views.value(row) ? m_views.at(row)->chart() : nullptr;
    if (!chart || chart->series().isEmpty())
        return 0;
    const auto *series = static_cast<QAbstractBarSeries *>(chart->series().constFirst());
    const auto sets = series->barSets();
    return column < sets.size() ? sets.at(column)->at(column) : 0;
}

void ComparisonCharts::rebuild()
{
    m_rebuild.stop();
    for (int row = 0; row < m_views.size(); ++row) {
        QChart *chart = m_views.at(row)->chart();
        chart->removeAllSeries();
        const auto axes = chart->axes();
        for (QAbstractAxis *axis : axes) {
            chart->removeAxis(axis);
            delete axis;
        }
        const auto metric = ComparisonMetrics::Metric(row);
        chart->setTitle(ComparisonMetrics::name(metric));
        // One set per character, its value in its own category and zero in the others: each
        // bar keeps its character's colour and the axis below names it.
        auto *series = new QStackedBarSeries;
        double top = 0;
        const int characters = m_model->columnCount();
        QStringList names;
        for (int column = 0; column < characters; ++column) {
            const QModelIndex index = m_model->index(row, column);
            const QString slug = index.data(ComparisonModel::SlugRole).toString();
            names.append(m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
            auto *set = new QBarSet(slug);
            const double value = index.data(ComparisonModel::SortRole).toDouble();
            top = qMax(top, value);
            QList<qreal> values(characters, 0.0);
            values[column] = value;
            set->append(values);
            const QColor color = m_palette->color(slug, palette());
            set->setColor(color);
            // The best bar of the row gets a dark outline, as its cell is bold in the table.
            set->setBorderColor(index.data(ComparisonModel::BestRole).toBool()
                                    ? palette().color(QPalette::WindowText)
                                    : color);
            series->append(set);
        }
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        x->append(names);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        QAbstractAxis *y = NiceScale::forMaximum(top, scaleKind(metric), 4)
                               .makeAxis(ComparisonMetrics::unitName(metric));
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        PaletteColours::styleChart(chart, palette());
        m_views.at(row)->setAccessibleDescription(
            tr("%1 per character, %2 bars").arg(ComparisonMetrics::name(metric)).arg(characters));
    }
}

void ComparisonCharts::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_rebuild.start();
}
