#pragma once

#include "ui/charts/chartfocuspoint.h"

#include <QChartView>
#include <QDate>
#include <QTimer>

class CharacterPalette;
class QLabel;
class DailySeriesModel;
class QLineSeries;
class QScatterSeries;

/// One line per character over the days of DailySeriesModel, in the model's metric (sessions or
/// cost), in each character's colour. Hovering a point shows the exact figure; clicking it asks
/// to open that character's sessions of that day. From the keyboard, Left and Right (Home, End)
/// go from day to day, Up and Down from line to line, the point ringed and its figure shown;
/// Enter or Space opens it.
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
    /// The label that shows the keyboard's figure.
    [[nodiscard]] const QLabel *figureLabel() const { return m_focus.label(); }
    /// Where the keyboard is: a character's line and a day; empty before the chart had the
    /// focus.
    [[nodiscard]] QString currentCharacter() const { return m_currentSlug; }
    [[nodiscard]] QDate currentDay() const { return m_currentDay; }
    /// The ring around the keyboard's point: one point, or none.
    [[nodiscard]] QScatterSeries *ring() const { return m_ring; }

Q_SIGNALS:
    void dayActivated(const QString &slug, QDate day);

protected:
    /// A new palette recolours the chart: background, labels and the characters' colours.
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    /// Rings the keyboard's point and shows its figure (`shown`), or neither.
    void markCurrent(bool shown);
    [[nodiscard]] QString figureText(const QString &slug, QDate day) const;
    void scheduleRebuild();
    void rebuild();

    DailySeriesModel *m_model;
    CharacterPalette *m_palette;
    QList<QLineSeries *> m_lines;
    QScatterSeries *m_ring = nullptr;
    QString m_currentSlug;
    QDate m_currentDay;
    ChartFocusPoint m_focus{this};
    QTimer m_rebuild;
};
