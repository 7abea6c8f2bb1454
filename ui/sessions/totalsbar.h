#pragma once

#include "api/usagepage.h"

#include <QWidget>

#include <optional>

class QLabel;

/// The server's aggregate figures for the current filter, above the table. They describe the
/// whole filtered set, not what happens to be loaded, so they are right before any row is.
///
/// A figure is never cut: when the bar is too narrow for all of them, the least important
/// ones (token and character counts first, sessions and cost last) leave the bar and are
/// listed in its tooltip instead.
class TotalsBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TotalsBar)

public:
    enum class Field {
        Sessions,
        LlmInput,
        LlmOutput,
        SttMinutes,
        TtsCharacters,
        Cost,
        AverageCost
    };
    Q_ENUM(Field)

    explicit TotalsBar(QWidget *parent = nullptr);

    void setTotals(const UsageTotals &totals);
    /// The totals of the period of equal length before the filter's range: each figure then
    /// shows its change ("▲ 12 %"), the previous value on hover. nullopt: no change is shown.
    void setPrevious(const std::optional<UsageTotals> &previous);
    /// The change shown beside a figure; empty when none is.
    [[nodiscard]] QString changeText(Field field) const;
    /// While the first page of a query is loading: the old figures would be wrong.
    void setUnknown();
    [[nodiscard]] QString text(Field field) const;
    [[nodiscard]] QString toolTip(Field field) const;
    /// Shown in the bar (not dropped for want of room).
    [[nodiscard]] bool isShown(Field field) const;
    /// The label that writes a figure's value, for tests that check it is not cut.
    [[nodiscard]] QLabel *label(Field field) const;

    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    /// Shows as many figures as fit in `width`, most important first.
    void fitTo(int width);
    void updateToolTip();
    void updateChanges();

    QList<QWidget *> m_groups; ///< caption and value of each field
    QList<QLabel *> m_values;
    QList<QLabel *> m_captions;
    QList<QLabel *> m_changes;
    std::optional<UsageTotals> m_current;
    std::optional<UsageTotals> m_previous;
};
