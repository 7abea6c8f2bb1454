#pragma once

#include "api/usagepage.h"

#include <QWidget>

class QLabel;

/// The server's aggregate figures for the current filter, above the table. They describe the
/// whole filtered set, not what happens to be loaded, so they are right before any row is.
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
    /// While the first page of a query is loading: the old figures would be wrong.
    void setUnknown();
    [[nodiscard]] QString text(Field field) const;
    [[nodiscard]] QString toolTip(Field field) const;

private:
    [[nodiscard]] QLabel *label(Field field) const;

    QList<QLabel *> m_values;
};
