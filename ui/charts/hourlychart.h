#pragma once

#include "reports/rangeaggregate.h"

#include <QChartView>

class QBarSet;
class QStandardItemModel;

/// Sessions per local hour of the day, for the daily report; hovering shows sessions and cost.
class HourlyChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HourlyChart)

public:
    explicit HourlyChart(QWidget *parent = nullptr);
    ~HourlyChart() override;

    void setHours(const std::array<DayFigures, 24> &hours, const QColor &color);
    [[nodiscard]] double sessionsAt(int hour) const;
    /// The figures behind the bars, one row an hour (sessions, cost to the micro-dollar), for
    /// the CSV export.
    [[nodiscard]] QStandardItemModel *hoursModel() const { return m_table; }

protected:
    /// A new palette recolours the chart: background, labels and the characters' colours.
    void changeEvent(QEvent *event) override;

private:
    QStandardItemModel *m_table;
    QBarSet *m_set = nullptr;
    std::array<DayFigures, 24> m_hours{};
};
