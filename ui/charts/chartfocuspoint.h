#pragma once

#include <QPointF>
#include <QString>

#include <functional>

class QAbstractSeries;
class QChartView;
class QKeyEvent;
class QLabel;

/// The point of a chart the keyboard is on, for charts whose points open something (a bar, a
/// day of a line): its figure shows in a label beside it (a tooltip would close at the next key)
/// and is added to the chart's accessible description, which a screen reader announces as it
/// changes. The chart moves the point with the arrow keys and opens it with Enter or Space (see
/// key()).
class ChartFocusPoint
{
public:
    enum class Key { None, Previous, Next, Up, Down, First, Last, Open };

    explicit ChartFocusPoint(QChartView *view);

    /// What an arrow, Home, End, Enter or Space asks for, Left and Right as seen in the
    /// widget's direction; None for any other key.
    [[nodiscard]] Key key(const QKeyEvent *event) const;

    /// Where `key` moves from `at` along an axis of `count` points (Previous, Next, First, Last
    /// along it; with `across`, Up and Down instead), kept on the axis; `at` for any other key.
    [[nodiscard]] static qsizetype moved(Key key, qsizetype at, qsizetype count,
                                         bool across = false);

    /// Calls `mark` (the chart placing its point again) after each new layout of the chart (a
    /// resize) while the chart has the focus.
    void followLayout(const std::function<void()> &mark);

    /// The chart's own description ("Cost per character, 8 bars"), kept while a point shows.
    void setSummary(const QString &summary);
    /// Shows `text` beside `value`, in `series`' coordinates.
    void show(const QPointF &value, QAbstractSeries *series, const QString &text);
    /// Takes the figure down; the description is the summary again.
    void hide();
    /// The label that shows the figure (hidden when none shows).
    [[nodiscard]] const QLabel *label() const { return m_label; }

private:
    QChartView *m_view;
    QLabel *m_label; ///< a child of the view's viewport
    QString m_summary;
};
