#include "ui/charts/nicescale.h"
#include "reports/moneyformat.h"

#include <QCategoryAxis>
#include <QLocale>

#include <cmath>

namespace {

/// The smallest of 1, 2, 2.5, 5 and 10 times a power of ten that is at least `x` (> 0).
double niceCeiling(double x)
{
    const double power = std::pow(10.0, std::floor(std::log10(x)));
    const double fraction = x / power;
    for (const double nice : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (fraction <= nice * (1 + 1e-9))
            return nice * power;
    }
    return 10 * power;
}

int decimalsOf(double step)
{
    int decimals = 0;
    for (double s = step; decimals < 6 && std::abs(s - std::round(s)) > 1e-6 * std::max(1.0, s);
         s *= 10)
        ++decimals;
    return decimals;
}

} // namespace

NiceScale NiceScale::forMaximum(double largest, Kind kind, int maxTicks)
{
    const int intervals = std::max(1, maxTicks - 1);
    if (!(largest > 0) || !std::isfinite(largest)) {
        // Nothing to show: a plain 0 to 1 (one session, one dollar, 100 %).
        return NiceScale(kind == Kind::Share ? 0.25 : 1.0, kind == Kind::Share ? 4 : 1, kind);
    }
    double step = niceCeiling(largest / intervals);
    if (kind == Kind::Count)
        step = std::max(1.0, std::ceil(step)); // 2.5 sessions is not a tick
    const int used = std::max(1, int(std::ceil(largest / step - 1e-9)));
    return NiceScale(step, used, kind);
}

QList<double> NiceScale::ticks() const
{
    QList<double> out;
    for (int i = 0; i <= m_intervals; ++i)
        out.append(m_step * i);
    return out;
}

QString NiceScale::label(double value) const
{
    const QLocale locale;
    switch (m_kind) {
    case Kind::Count:
        return locale.toString(qint64(std::llround(value)));
    case Kind::Money:
        return MoneyFormat::tick(value, m_step);
    case Kind::Share:
        return locale.toString(value * 100, 'f', decimalsOf(m_step * 100)) + QStringLiteral(" %");
    case Kind::Number:
        return locale.toString(value, 'f', decimalsOf(m_step));
    }
    return {};
}

QStringList NiceScale::labels() const
{
    QStringList out;
    for (const double tick : ticks())
        out.append(label(tick));
    return out;
}

QAbstractAxis *NiceScale::makeAxis(const QString &title) const
{
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // Each tick is the end of a category, labelled on its value; the first ends at zero.
    axis->setStartValue(-m_step * 1e-6);
    const QList<double> values = ticks();
    for (const double value : values)
        axis->append(label(value), value);
    axis->setRange(0, maximum());
    axis->setTitleText(title);
    return axis;
}
