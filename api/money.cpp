#include "api/money.h"

#include <limits>

std::optional<Money> Money::parse(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    bool negative = false;
    std::size_t i = 0;
    if (text[0] == '-' || text[0] == '+') {
        negative = text[0] == '-';
        i = 1;
    }
    // The largest whole part that still fits once scaled to micro-dollars.
    constexpr qint64 maxWhole = (std::numeric_limits<qint64>::max() - 999999) / 1000000;
    qint64 whole = 0;
    int wholeDigits = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++wholeDigits) {
        whole = whole * 10 + (text[i] - '0');
        if (whole > maxWhole)
            return std::nullopt;
    }
    qint64 fraction = 0;
    int fractionDigits = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++fractionDigits) {
            if (fractionDigits == 6)
                return std::nullopt; // more precision than a micro-dollar: refuse to round
            fraction = fraction * 10 + (text[i] - '0');
        }
        if (fractionDigits == 0)
            return std::nullopt;
    }
    if (i != text.size() || wholeDigits == 0)
        return std::nullopt;
    for (int d = fractionDigits; d < 6; ++d)
        fraction *= 10;
    const qint64 micros = whole * 1000000 + fraction;
    return Money(negative ? -micros : micros);
}

std::optional<Money> Money::parse(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return parse(std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

QString Money::toDecimalString() const
{
    const quint64 magnitude = m_micros < 0 ? quint64(0) - quint64(m_micros) : quint64(m_micros);
    QString out = QString::number(magnitude / 1000000) + QLatin1Char('.') +
                  QString::number(magnitude % 1000000).rightJustified(6, QLatin1Char('0'));
    return m_micros < 0 ? QLatin1Char('-') + out : out;
}

QString Money::toDisplayString() const
{
    const quint64 magnitude = m_micros < 0 ? quint64(0) - quint64(m_micros) : quint64(m_micros);
    const QLatin1Char sign = m_micros < 0 ? QLatin1Char('-') : QLatin1Char('\0');
    QString body;
    if (magnitude != 0 && magnitude < 10000) {
        // Below a cent: show four places so that a cheap call is not displayed as "$0.00".
        const quint64 tenThousandths = (magnitude + 50) / 100;
        body = QStringLiteral("0.") +
               QString::number(tenThousandths).rightJustified(4, QLatin1Char('0'));
    } else {
        const quint64 cents = (magnitude + 5000) / 10000;
        QString whole = QString::number(cents / 100);
        for (int pos = int(whole.size()) - 3; pos > 0; pos -= 3)
            whole.insert(pos, QLatin1Char(','));
        body = whole + QLatin1Char('.') +
               QString::number(cents % 100).rightJustified(2, QLatin1Char('0'));
    }
    QString out = QStringLiteral("$") + body;
    return sign.unicode() ? QString(sign) + out : out;
}

Money Money::dividedBy(qint64 divisor) const
{
    if (divisor == 0)
        return Money();
    const bool negative = (m_micros < 0) != (divisor < 0);
    const quint64 n = m_micros < 0 ? quint64(0) - quint64(m_micros) : quint64(m_micros);
    const quint64 d = divisor < 0 ? quint64(0) - quint64(divisor) : quint64(divisor);
    const qint64 q = qint64((n + d / 2) / d);
    return Money(negative ? -q : q);
}
