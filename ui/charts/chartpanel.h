#pragma once

#include <QWidget>

#include <functional>

class QAbstractItemModel;
class QChartView;
class QHBoxLayout;

/// A chart with its controls above it (a metric picker, say) and an Export menu: the chart as
/// PNG or SVG, its data as CSV. A chart whose figures are not whole (still loading, or a part
/// failed) is not exported: the page is told what is missing instead.
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
    /// Asked before each export: empty when the figures are whole, else what is missing ("the
    /// totals of 2 characters are not in yet").
    void setMissing(std::function<QString()> missing) { m_missing = std::move(missing); }
    /// Writes the chart ("PNG", "SVG") or its figures ("CSV") to `fileName`. False, after
    /// exportFailed, when the figures are not whole or the file cannot be written.
    bool exportTo(const QString &kind, const QString &fileName);
    [[nodiscard]] QChartView *chartView() const { return m_chart; }

Q_SIGNALS:
    /// Nothing was written, and why; the page shows it in its banner.
    void exportFailed(const QString &message);

private:
    void exportAs(const QString &kind);

    QChartView *m_chart;
    const QAbstractItemModel *m_data;
    int m_csvRole;
    std::function<QString()> m_missing;
    QHBoxLayout *m_controls;
};
