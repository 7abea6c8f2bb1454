#pragma once

#include <QChartView>
#include <QDate>
#include <QTimer>

class CharacterPalette;
class DailySeriesModel;
class QLineSeries;

/// One line per character over the days of DailySeriesModel, in the model's metric (sessions or
/// cost), in each character's colour. Hovering a point shows the exact figure; clicking it asks
/// to open that character's sessions of that day.
class DailySeriesChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DailySeriesChart)

public:
    DailySeriesChart(DailySeriesModel *model, CharacterPalette *palette, QWidget *parent = nullptr);
    ~DailySeriesChart() override;

    [[nodiscard]] QList<QLineSeries *> lines() const { return m_lines; }
    /// The day a point's x value stands for.
    [[nodiscard]] QDate dayAt(qreal x) const;
    void rebuildNow();

Q_SIGNALS:
    void dayActivated(const QString &slug, QDate day);

protected:
    /// A new palette recolours the chart: background, labels and the characters' colours.
    void changeEvent(QEvent *event) override;

private:
    void scheduleRebuild();
    void rebuild();

    DailySeriesModel *m_model;
    CharacterPalette *m_palette;
    QList<QLineSeries *> m_lines;
    QTimer m_rebuild;
};
