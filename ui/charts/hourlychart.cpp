#include "ui/charts/hourlychart.h"
#include "reports/moneyformat.h"
#include "ui/charts/nicescale.h"
#include "ui/palettecolours.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QStandardItemModel>
#include <QToolTip>
#include <QValueAxis>

HourlyChart::HourlyChart(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_table(new QStandardItemModel(this))
{
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->hide();
    chart()->setAnimationOptions(QChart::NoAnimation);
    chart()->setTitle(tr("Sessions per hour (local time)"));
    setAccessibleName(tr("Sessions per hour"));
    setHours({}, palette().color(QPalette::Highlight));
}

HourlyChart::~HourlyChart() = default;

double HourlyChart::sessionsAt(int hour) const
{
    return m_set ? m_set->at(hour) : 0;
}

void HourlyChart::setHours(const std::array<DayFigures, 24> &hours, const QColor &color)
{
    m_hours = hours;
    m_table->clear();
    // The CSV export's header: machine names, the same in every language.
    m_table->setHorizontalHeaderLabels(
        {QStringLiteral("hour"), QStringLiteral("sessions"), QStringLiteral("cost_usd")});
    for (int hour = 0; hour < 24; ++hour) {
        m_table->appendRow({new QStandardItem(QString::number(hour)),
                            new QStandardItem(QString::number(hours.at(hour).sessions)),
                            new QStandardItem(hours.at(hour).cost.toDecimalString())});
    }
    QChart *c = chart();
    c->removeAllSeries();
    const auto axes = c->axes();
    for (QAbstractAxis *axis : axes) {
        c->removeAxis(axis);
        delete axis;
    }
    m_set = new QBarSet(tr("sessions"));
    QStringList labels;
    qint64 top = 0;
    for (int hour = 0; hour < 24; ++hour) {
        m_set->append(double(hours.at(hour).sessions));
        top = qMax(top, hours.at(hour).sessions);
        labels.append(QString::number(hour));
    }
    m_set->setColor(color);
    connect(m_set, &QBarSet::hovered, this, [this](bool on, int hour) {
        if (!on) {
            QToolTip::hideText();
            return;
        }
        const DayFigures &f = m_hours.at(hour);
        QToolTip::showText(QCursor::pos(),
                           tr("%1:00–%1:59\n%Ln session(s)\n%2", nullptr, int(f.sessions))
                               .arg(hour, 2, 10, QLatin1Char('0'))
                               .arg(MoneyFormat::text(f.cost)),
                           this);
    });
    auto *series = new QBarSeries;
    series->append(m_set);
    c->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    x->setTitleText(tr("hour"));
    // Twenty-four labels side by side do not fit a half-width chart ("…" each): upright and
    // a little smaller, they do.
    x->setLabelsAngle(-90);
    QFont small = x->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    x->setLabelsFont(small);
    c->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    QAbstractAxis *y =
        NiceScale::forMaximum(double(top), NiceScale::Kind::Count).makeAxis(tr("sessions"));
    c->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    PaletteColours::styleChart(c, palette());
    const auto busiest = std::max_element(
        hours.cbegin(), hours.cend(),
        [](const DayFigures &a, const DayFigures &b) { return a.sessions < b.sessions; });
    setAccessibleDescription(
        top > 0 ? tr("Sessions per hour, 24 bars; the busiest hour is %1:00 with %L2 sessions")
                      .arg(int(busiest - hours.cbegin()))
                      .arg(top)
                : tr("Sessions per hour, 24 bars, no sessions"));
}

void HourlyChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        PaletteColours::styleChart(chart(), palette());
}
