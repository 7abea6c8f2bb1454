#pragma once

#include "models/rangeaggregate.h"

#include <QChartView>

class QBarSet;

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

private:
    QBarSet *m_set = nullptr;
    std::array<DayFigures, 24> m_hours{};
};
