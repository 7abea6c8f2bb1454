#include "ui/charts/dailyserieschart.h"
#include "models/characterpalette.h"
#include "models/dailyseriesmodel.h"
#include "reports/moneyformat.h"
#include "ui/charts/nicescale.h"
#include "ui/palettecolours.h"

#include <QDateTimeAxis>
#include <QKeyEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

namespace {
/// Points sit at local noon so that a day's point never drifts into a neighbour on the axis,
/// whatever the length of the day.
qreal xOf(QDate day)
{
    return qreal(QDateTime(day, QTime(12, 0)).toMSecsSinceEpoch());
}
} // namespace

DailySeriesChart::DailySeriesChart(DailySeriesModel *model, CharacterPalette *palette,
                                   QWidget *parent)
    : QChartView(new QChart, parent)
    , m_model(model)
    , m_palette(palette)
{
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::StrongFocus);
    chart()->setAnimationOptions(QChart::NoAnimation);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    setAccessibleName(tr("Figures per day"));
    m_focus.followLayout([this] { markCurrent(true); });
    m_rebuild.setSingleShot(true);
    m_rebuild.setInterval(0);
    connect(&m_rebuild, &QTimer::timeout, this, &DailySeriesChart::rebuild);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &DailySeriesChart::scheduleRebuild);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DailySeriesChart::scheduleRebuild);
    rebuild();
}

DailySeriesChart::~DailySeriesChart() = default;

QDate DailySeriesChart::dayAt(qreal x) const
{
    return QDateTime::fromMSecsSinceEpoch(qint64(x)).date();
}

void DailySeriesChart::scheduleRebuild()
{
    m_rebuild.start();
}

void DailySeriesChart::rebuildNow()
{
    rebuild();
}

void DailySeriesChart::rebuild()
{
    m_rebuild.stop();
    QChart *c = chart();
    c->removeAllSeries();
    m_lines.clear();
    m_ring = nullptr;
    const auto axes = c->axes();
    for (QAbstractAxis *axis : axes) {
        c->removeAxis(axis);
        delete axis;
    }
    const bool cost = m_model->metric() == DailySeriesModel::Metric::Cost;
    c->setTitle(cost ? tr("Cost per day") : tr("Sessions per day"));
    const int days = m_model->rowCount();
    double top = 0;
    const QStringList slugs = m_model->slugs();
    for (int column = 1; column <= slugs.size(); ++column) {
        const QString slug = slugs.at(column - 1);
        auto *line = new QLineSeries;
        line->setName(slug);
        QList<QPointF> points;
        points.reserve(days);
        for (int row = 0; row < days; ++row) {
            const QModelIndex index = m_model->index(row, column);
            const double value =
                cost ? double(index.data(DailySeriesModel::CostMicrosRole).toLongLong()) / 1e6
                     : double(index.data(DailySeriesModel::SessionsRole).toLongLong());
            top = qMax(top, value);
            points.append({xOf(m_model->firstDay().addDays(row)), value});
        }
        line->replace(points);
        QPen pen(m_palette->color(slug, palette()));
        pen.setWidthF(2);
        line->setPen(pen);
        line->setPointsVisible(days <= 120);
        connect(line, &QLineSeries::clicked, this,
                [this, slug](const QPointF &p) { Q_EMIT dayActivated(slug, dayAt(p.x())); });
        connect(line, &QLineSeries::hovered, this, [this, slug](const QPointF &p, bool on) {
            if (!on) {
                QToolTip::hideText();
                return;
            }
            QToolTip::showText(QCursor::pos(), figureText(slug, dayAt(p.x())), this);
        });
        c->addSeries(line);
        m_lines.append(line);
    }
    auto *x = new QDateTimeAxis;
    // The chart writes month names in its locale; the order of day and month is the language's.
    //: Date format of the per-day chart's axis (QDateTime format: MMM = short month name)
    x->setFormat(tr("MMM d"));
    x->setTickCount(qBound(2, days, 8));
    if (days > 0)
        x->setRange(QDateTime(m_model->firstDay(), QTime(0, 0)),
                    QDateTime(m_model->lastDay(), QTime(23, 59)));
    x->setTitleText(tr("day (local time)"));
    c->addAxis(x, Qt::AlignBottom);
    const NiceScale scale =
        NiceScale::forMaximum(top, cost ? NiceScale::Kind::Money : NiceScale::Kind::Count);
    QAbstractAxis *y = scale.makeAxis(cost ? tr("cost per day") : tr("sessions per day"));
    c->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *line : std::as_const(m_lines)) {
        line->attachAxis(x);
        line->attachAxis(y);
    }
    // The keyboard's point: a ring over the line, out of the legend.
    m_ring = new QScatterSeries;
    m_ring->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_ring->setMarkerSize(16);
    m_ring->setColor(Qt::transparent);
    QPen ring(palette().color(QPalette::Highlight));
    ring.setWidth(3);
    m_ring->setPen(ring);
    c->addSeries(m_ring);
    m_ring->attachAxis(x);
    m_ring->attachAxis(y);
    const auto markers = c->legend()->markers(m_ring);
    for (QLegendMarker *marker : markers)
        marker->setVisible(false);
    PaletteColours::styleChart(c, palette());
    m_focus.setSummary(tr("%1, a line per character (%2) over %3 days")
                           .arg(c->title())
                           .arg(m_lines.size())
                           .arg(days));
    markCurrent(hasFocus());
}

QString DailySeriesChart::figureText(const QString &slug, QDate day) const
{
    const DayFigures f = m_model->figures(int(m_model->firstDay().daysTo(day)), slug);
    return tr("%1, %2\n%Ln session(s)\n%3", nullptr, int(f.sessions))
        .arg(slug, QLocale().toString(day, QLocale::ShortFormat), MoneyFormat::text(f.cost));
}

void DailySeriesChart::markCurrent(bool shown)
{
    const QStringList slugs = m_model->slugs();
    const qsizetype line = slugs.indexOf(m_currentSlug);
    const qint64 row = m_model->firstDay().daysTo(m_currentDay);
    const bool valid = shown && m_ring && line >= 0 && line < m_lines.size() && row >= 0 &&
                       row < m_lines.at(line)->count();
    if (m_ring)
        m_ring->clear();
    if (!valid) {
        m_focus.hide();
        return;
    }
    const QPointF point = m_lines.at(line)->at(int(row));
    m_ring->append(point);
    m_focus.show(point, m_ring, figureText(m_currentSlug, m_currentDay));
}

void DailySeriesChart::keyPressEvent(QKeyEvent *event)
{
    const ChartFocusPoint::Key key = m_focus.key(event);
    const QStringList slugs = m_model->slugs();
    const int days = m_model->rowCount();
    if (key == ChartFocusPoint::Key::None || slugs.isEmpty() || days == 0) {
        QChartView::keyPressEvent(event);
        return;
    }
    if (key == ChartFocusPoint::Key::Open) {
        if (!m_currentSlug.isEmpty() && m_currentDay.isValid()) {
            QToolTip::hideText();
            Q_EMIT dayActivated(m_currentSlug, m_currentDay);
        }
        return;
    }
    const qsizetype line = ChartFocusPoint::moved(
        key, qMax<qsizetype>(0, slugs.indexOf(m_currentSlug)), slugs.size(), true);
    const qsizetype row =
        ChartFocusPoint::moved(key, m_model->firstDay().daysTo(m_currentDay), days);
    m_currentSlug = slugs.at(line);
    m_currentDay = m_model->firstDay().addDays(row);
    markCurrent(true);
}

void DailySeriesChart::focusInEvent(QFocusEvent *event)
{
    QChartView::focusInEvent(event);
    // The keyboard starts on the last day of the first line, or where it was.
    const QStringList slugs = m_model->slugs();
    if (!slugs.isEmpty() &&
        (!slugs.contains(m_currentSlug) || !m_currentDay.isValid() ||
         m_currentDay < m_model->firstDay() || m_currentDay > m_model->lastDay())) {
        m_currentSlug = slugs.first();
        m_currentDay = m_model->lastDay();
    }
    markCurrent(true);
}

void DailySeriesChart::focusOutEvent(QFocusEvent *event)
{
    QChartView::focusOutEvent(event);
    markCurrent(false);
}

void DailySeriesChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        scheduleRebuild();
}
