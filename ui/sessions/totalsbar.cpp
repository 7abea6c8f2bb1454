#include "ui/sessions/totalsbar.h"
#include "models/moneyformat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

TotalsBar::TotalsBar(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const QString captions[] = {tr("Sessions"),  tr("LLM in"), tr("LLM out"),      tr("STT min"),
                                tr("TTS chars"), tr("Cost"),   tr("Avg / session")};
    for (const QString &caption : captions) {
        auto *name = new QLabel(caption + QLatin1Char(':'), this);
        auto *value = new QLabel(this);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont bold = value->font();
        bold.setBold(true);
        value->setFont(bold);
        layout->addWidget(name);
        layout->addWidget(value);
        layout->addSpacing(12);
        m_values.append(value);
    }
    layout->addStretch();
    setUnknown();
}

QLabel *TotalsBar::label(Field field) const
{
    return m_values.at(int(field));
}

void TotalsBar::setTotals(const UsageTotals &totals)
{
    const QLocale locale;
    label(Field::Sessions)->setText(locale.toString(totals.sessions));
    label(Field::LlmInput)->setText(locale.toString(totals.llmInputTokens));
    label(Field::LlmOutput)->setText(locale.toString(totals.llmOutputTokens));
    label(Field::SttMinutes)->setText(locale.toString(totals.sttAudioSeconds / 60.0, 'f', 1));
    label(Field::SttMinutes)->setToolTip(tr("%1 seconds").arg(totals.sttAudioSeconds, 0, 'f', 3));
    label(Field::TtsCharacters)->setText(locale.toString(totals.ttsCharacters));
    label(Field::Cost)->setText(MoneyFormat::text(totals.estimatedCost));
    label(Field::Cost)->setToolTip(MoneyFormat::exact(totals.estimatedCost));
    const Money average = totals.averageCostPerSession();
    label(Field::AverageCost)
        ->setText(totals.sessions > 0 ? MoneyFormat::text(average) : QStringLiteral("—"));
    label(Field::AverageCost)
        ->setToolTip(totals.sessions > 0 ? MoneyFormat::exact(average) : tr("No sessions"));
}

void TotalsBar::setUnknown()
{
    for (QLabel *value : std::as_const(m_values)) {
        value->setText(QStringLiteral("…"));
        value->setToolTip({});
    }
}

QString TotalsBar::text(Field field) const
{
    return label(field)->text();
}

QString TotalsBar::toolTip(Field field) const
{
    return label(field)->toolTip();
}
