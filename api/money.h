#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>
#include <string_view>

/// An amount of US dollars held as integer micro-dollars, so that sums are exact to the last
/// digit the API sends (six decimal places). Never converted through binary floating point.
class Money
{
public:
    constexpr Money() = default;
    static constexpr Money fromMicros(qint64 micros) { return Money(micros); }

    /// Parses the API's decimal string ("18.250400", "-0.5", "3"). At most six decimal places;
    /// anything else (exponents, spaces, a sign alone, overflow) is rejected, never rounded.
    [[nodiscard]] static std::optional<Money> parse(std::string_view text);
    [[nodiscard]] static std::optional<Money> parse(const QString &text);

    [[nodiscard]] constexpr qint64 micros() const { return m_micros; }
    /// Exact decimal string with six places, as the API writes it: "18.250400".
    [[nodiscard]] QString toDecimalString() const;
    /// For people: "$18.25" (rounded half away from zero to cents), or with more places when
    /// the amount is below a cent and not zero ("$0.0042").
    [[nodiscard]] QString toDisplayString() const;
    /// Exact quotient, rounded half away from zero to micro-dollars; zero when divisor is 0.
    [[nodiscard]] Money dividedBy(qint64 divisor) const;
    /// Only for charts and ratios where a double is fine; totals never go through it.
    [[nodiscard]] double toDouble() const { return double(m_micros) / 1e6; }

    constexpr Money &operator+=(Money other)
    {
        m_micros += other.m_micros;
        return *this;
    }
    constexpr Money &operator-=(Money other)
    {
        m_micros -= other.m_micros;
        return *this;
    }
    friend constexpr Money operator+(Money a, Money b) { return Money(a.m_micros + b.m_micros); }
    friend constexpr Money operator-(Money a, Money b) { return Money(a.m_micros - b.m_micros); }
    friend constexpr Money operator*(Money a, qint64 n) { return Money(a.m_micros * n); }
    friend constexpr auto operator<=>(Money, Money) = default;

private:
    constexpr explicit Money(qint64 micros)
        : m_micros(micros)
    {}
    qint64 m_micros = 0;
};
