#pragma once

#include "api/money.h"

#include <QLocale>
#include <QString>

/// How the window writes an amount of money, in one place, so that the session table, the
/// totals bar, the charts, the daily report and the comparison all read the same: US dollars
/// in the user's locale (its digit grouping, decimal sign and where the symbol goes), always
/// to the cent. An amount that is not zero but rounds to zero cents reads "<$0.01" rather than
/// "$0.00", so a cheap call never looks free. The exact value, to the micro-dollar the API
/// sends, is what exact() writes: for a tooltip and for copying.
///
/// Formatting goes from integer micro-dollars to text without binary floating point.
namespace MoneyFormat {

/// "$8,324.12" (en_US), "8.324,12 $" (de_DE); "<$0.01" for a non-zero amount below half a cent.
[[nodiscard]] QString text(Money amount, const QLocale &locale = QLocale());
/// Every digit the API sent: "$0.003900".
[[nodiscard]] QString exact(Money amount, const QLocale &locale = QLocale());
/// A change: "+$1.23", "−$0.72", "$0.00".
[[nodiscard]] QString change(Money amount, const QLocale &locale = QLocale());
/// An axis tick of `dollars` on an axis whose ticks are `step` dollars apart: as many decimals
/// as the step needs and no more ("$3,000", "$0.25").
[[nodiscard]] QString tick(double dollars, double step, const QLocale &locale = QLocale());

} // namespace MoneyFormat
