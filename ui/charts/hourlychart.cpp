#include "ui/charts/hourlychart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QToolTip>
#include <QValueAxis>

HourlyChart::HourlyChart(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->hide();
    chart()->setAnimationOptions(QChart::NoAnimation);
    chart()->setTitle(QStringLiteral("Sessions per hour (local time)"));
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
    QChart *c = chart();
    c->removeAllSeries();
    const auto axes = c->axes();
    for (QAbstractAxis *axis : axes) {
        c->removeAxis(axis);
        delete axis;
    }
    m_set = new QBarSet(QStringLiteral("sessions"));
    QStringList labels;
    qint64 top = 0;
    for (int hour = 0; hour < 24; ++hour) {
        m_set->append(double(hours.at(hour).sessions));
        top = qMax(top, hours.at(hour).sessions);
        labels.append(QString::number(hour).rightJustified(2, QLatin1Char('0')));
    }
    m_set->setColor(color);
    connect(m_set, &QBarSet::hovered, this, [this](bool on, int hour) {
        if (!on) {
            QToolTip::hideText();
            return;
        }
        const DayFigures &f = m_hours.at(hour);
        QToolTip::showText(QCursor::pos(),
                           QStringLiteral("%1:00–%1:59\n%2 sessions\n%3 USD")
                               .arg(hour, 2, 10, QLatin1Char('0'))
                               .arg(f.sessions)
                               .arg(f.cost.toDecimalString()),
                           this);
    });
    auto *series = new QBarSeries;
    series->append(m_set);
    c->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(labels);
    x->setTitleText(QStringLiteral("hour"));
    c->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setRange(0, top > 0 ? double(top) * 1.1 : 1);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(QStringLiteral("sessions"));
    c->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
}
