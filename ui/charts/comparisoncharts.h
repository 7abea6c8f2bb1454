#pragma once

#include <QList>
#include <QTimer>
#include <QWidget>

class CharacterPalette;
class ComparisonModel;
class QChartView;

/// Small multiples under the comparison table: one little bar chart per metric row of
/// ComparisonModel, one bar per character in its colour, so that shapes compare at a glance.
class ComparisonCharts final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparisonCharts)

public:
    static constexpr int Columns = 4;

    ComparisonCharts(ComparisonModel *model, CharacterPalette *palette, QWidget *parent = nullptr);
    ~ComparisonCharts() override;

    [[nodiscard]] QList<QChartView *> views() const { return m_views; }
    /// The plotted value of `column` (a character) in the chart of `row` (a metric).
    [[nodiscard]] double plotted(int row, int column) const;
    void rebuildNow();

protected:
    /// A new palette recolours the chart: background, labels and the characters' colours.
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    ComparisonModel *m_model;
    CharacterPalette *m_palette;
    QList<QChartView *> m_views; ///< one per metric row
    QTimer m_rebuild;
};
