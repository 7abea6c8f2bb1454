#pragma once

#include "ui/charts/chartfocuspoint.h"

#include <QChartView>
#include <QStringList>
#include <QTimer>

class CharacterPalette;
class QLabel;
class CharacterTotalsModel;
class QAbstractBarSeries;

/// Bars per character of one metric of CharacterTotalsModel, tallest first, in each character's
/// colour. LLM tokens stack input (solid) under output (pale). Hovering shows the exact value,
/// clicking a bar asks to open that character's sessions. From the keyboard, Left and Right
/// (Home, End) go from bar to bar, outlined, with its value shown; Enter or Space opens it.
///
/// Each character is its own bar set with a value only in its own category, stacked over
/// zeros: Qt Charts colours per set, not per bar, and this keeps one colour per character.
class CharacterBarChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CharacterBarChart)

public:
    enum class Metric { Sessions, Cost, LlmTokens, SttMinutes, TtsCharacters };
    Q_ENUM(Metric)

    CharacterBarChart(CharacterTotalsModel *model, CharacterPalette *palette,
                      QWidget *parent = nullptr);
    ~CharacterBarChart() override;

    void setMetric(Metric metric);
    [[nodiscard]] Metric metric() const { return m_metric; }
    [[nodiscard]] static QString metricName(Metric metric);
    [[nodiscard]] static QString metricUnit(Metric metric);

    /// Slugs in bar order (largest value first).
    [[nodiscard]] QStringList categories() const { return m_order; }
    /// The plotted height of a category (sum of its stack).
    [[nodiscard]] double valueAt(int category) const;
    [[nodiscard]] QAbstractBarSeries *series() const { return m_series; }
    /// Rebuilds now instead of on the next event-loop turn (for tests and exports).
    void rebuildNow();
    /// The label that shows the keyboard's figure.
    [[nodiscard]] const QLabel *figureLabel() const { return m_focus.label(); }
    /// The character whose bar the keyboard is on; empty before the chart had the focus.
    [[nodiscard]] QString currentCharacter() const { return m_current; }

Q_SIGNALS:
    void characterActivated(const QString &slug);

protected:
    /// A new palette recolours the chart: background, labels and the characters' colours.
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    /// Outlines the current character's bar and shows its value (`shown`), or neither.
    void markCurrent(bool shown);
    void scheduleRebuild();
    void rebuild();
    [[nodiscard]] QList<double> values(int row) const; ///< one or two stacked parts
    [[nodiscard]] QString tooltip(int row) const;
    [[nodiscard]] int rowOf(const QString &slug) const;

    CharacterTotalsModel *m_model;
    CharacterPalette *m_palette;
    Metric m_metric = Metric::Sessions;
    QAbstractBarSeries *m_series = nullptr;
    QStringList m_order;
    QString m_current;
    ChartFocusPoint m_focus{this};
    QTimer m_rebuild;
};
