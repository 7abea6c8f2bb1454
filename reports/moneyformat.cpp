#include "reports/moneyformat.h"

#include <algorithm>
#include <cmath>

namespace {

/// `magnitude` micro-dollars to `decimals` places (0 to 6), rounded half away from zero, with
/// the locale's grouping and decimal sign, without a sign or a symbol.
QString number(quint64 magnitude, int decimals, const QLocale &locale)
{
    quint64 unit = 1;
    for (int i = decimals; i < 6; ++i)
        unit *= 10;
    const quint64 scaled = (magnitude + unit / 2) / unit; // in units of 10^-decimals dollars
    quint64 power = 1;
    for (int i = 0; i < decimals; ++i)
        power *= 10;
    QString out = locale.toString(qulonglong(scaled / power));
    if (decimals > 0) {
        QString fraction = locale.toString(qulonglong(scaled % power));
        fraction.remove(locale.groupSeparator());
        while (fraction.size() < decimals)
            fraction.prepend(locale.zeroDigit());
        out += locale.decimalPoint() + fraction;
    }
    return out;
}

/// Puts the dollar sign where the locale puts a currency symbol. A negative amount takes the
/// locale's minus sign in front, never the accounting parentheses some locales use ("($0.72)"
/// is easily read as a positive amount in a column of changes).
QString withSymbol(const QString &number, bool negative, const QLocale &locale)
{
    static const QString Symbol = QStringLiteral("$");
    const QString sign = negative ? locale.negativeSign() : QString();
    // The C locale (LANG=C, C.UTF-8) has no currency pattern of its own and would write "7$":
    // dollars are written the way the API's users read them.
    if (locale.language() == QLocale::C)
        return sign + Symbol + number;
    // The locale's own pattern, learnt from a one-digit amount: "$7", "7 $".
    QString pattern = locale.toCurrencyString(7.0, Symbol, 0);
    const QString seven = locale.toString(7);
    const qsizetype at = pattern.indexOf(seven);
    if (at < 0)
        return sign + Symbol + number;
    return sign + pattern.replace(at, seven.size(), number);
}

quint64 magnitudeOf(Money amount)
{
    const qint64 micros = amount.micros();
    return micros < 0 ? quint64(0) - quint64(micros) : quint64(micros);
}

} // namespace

namespace MoneyFormat {

QString text(Money amount, const QLocale &locale)
{
    const quint64 magnitude = magnitudeOf(amount);
    const bool negative = amount.micros() < 0;
    if (magnitude != 0 && magnitude < 5000) {
        // Below half a cent: "<$0.01" says "not free" without a second format for small sums.
        const QString below =
            QStringLiteral("<") + withSymbol(number(10000, 2, locale), false, locale);
        return negative ? locale.negativeSign() + below : below;
    }
    return withSymbol(number(magnitude, 2, locale), negative && magnitude >= 5000, locale);
}

QString exact(Money amount, const QLocale &locale)
{
    return withSymbol(number(magnitudeOf(amount), 6, locale), amount.micros() < 0, locale);
}

QString change(Money amount, const QLocale &locale)
{
    if (amount.micros() > 0)
        return locale.positiveSign() + text(amount, locale);
    return text(amount, locale);
}

QString tick(double dollars, double step, const QLocale &locale)
{
    // As many decimals as make the step a whole number: 0.25 needs two, 1000 none.
    int decimals = 0;
    for (double s = std::abs(step); decimals < 6 && s > 0; s *= 10, ++decimals) {
        if (std::abs(s - std::round(s)) < 1e-6 * std::max(1.0, s))
            break;
    }
    const double micros = std::round(dollars * 1e6);
    const bool negative = micros < 0;
    const auto magnitude = quint64(std::abs(micros));
    return withSymbol(number(magnitude, decimals, locale), negative && magnitude != 0, locale);
}

} // namespace MoneyFormat
