#pragma once

#include <QList>
#include <QString>

class QAbstractAxis;

/// A value axis people read at a glance: it starts at zero, ends on a round number at or just
/// above the largest value, and has a few ticks a round step apart (1, 2, 2.5 or 5 times a power
/// of ten), labelled as what they count: whole numbers for counts, money in the window's money
/// format, percent for shares. Qt's own value axis spreads a fixed number of ticks over any
/// range ("0/20/39/59/79") and takes a printf format, which knows no locale.
class NiceScale
{
public:
    enum class Kind {
        Count,  ///< whole numbers: sessions, tokens, characters
        Money,  ///< dollars
        Share,  ///< 0 to 1, written as percent
        Number, ///< anything else (minutes, turns per session)
    };

    /// The scale for values from zero to `largest` with at most `maxTicks` ticks, zero included.
    [[nodiscard]] static NiceScale forMaximum(double largest, Kind kind, int maxTicks = 6);

    [[nodiscard]] double maximum() const { return m_step * m_intervals; }
    [[nodiscard]] double step() const { return m_step; }
    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] QList<double> ticks() const;
    [[nodiscard]] QString label(double value) const;
    [[nodiscard]] QStringList labels() const;

    /// A vertical axis with these ticks and labels, for a chart to take ownership of.
    [[nodiscard]] QAbstractAxis *makeAxis(const QString &title) const;

private:
    NiceScale(double step, int intervals, Kind kind)
        : m_step(step)
        , m_intervals(intervals)
        , m_kind(kind)
    {}

    double m_step;
    int m_intervals;
    Kind m_kind;
};
