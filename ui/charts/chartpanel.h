#pragma once

#include <QWidget>

class QAbstractItemModel;
class QChartView;
class QHBoxLayout;

/// A chart with its controls above it (a metric picker, say) and an Export menu: the chart as
/// PNG or SVG, its data as CSV.
class ChartPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartPanel)

public:
    /// `data` is what the CSV holds, each cell from `csvRole` when set (exact values).
    ChartPanel(QChartView *chart, const QAbstractItemModel *data, int csvRole,
               QWidget *parent = nullptr);
    ~ChartPanel() override;

    /// Controls go left of the Export button.
    void addControl(QWidget *control);
    [[nodiscard]] QChartView *chartView() const { return m_chart; }

Q_SIGNALS:
    /// A file could not be written; the page shows it in its banner.
    void exportFailed(const QString &message);

private:
    void exportAs(const QString &kind);

    QChartView *m_chart;
    const QAbstractItemModel *m_data;
    int m_csvRole;
    QHBoxLayout *m_controls;
};
