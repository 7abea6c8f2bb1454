#include "ui/sessions/totalsbar.h"
#include "models/moneyformat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace {
constexpr int Spacing = 12;
/// Which figures stay when the bar is narrow, most important first.
constexpr TotalsBar::Field Importance[] = {
    TotalsBar::Field::Sessions,     TotalsBar::Field::Cost,     TotalsBar::Field::AverageCost,
    TotalsBar::Field::SttMinutes,   TotalsBar::Field::LlmInput, TotalsBar::Field::LlmOutput,
    TotalsBar::Field::TtsCharacters};
} // namespace

TotalsBar::TotalsBar(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Spacing);
    const QString captions[] = {tr("Sessions"),  tr("LLM in"), tr("LLM out"),      tr("STT min"),
                                tr("TTS chars"), tr("Cost"),   tr("Avg / session")};
    for (const QString &caption : captions) {
        auto *group = new QWidget(this);
        auto *pair = new QHBoxLayout(group);
        pair->setContentsMargins(0, 0, 0, 0);
        auto *name = new QLabel(caption + QLatin1Char(':'), group);
        auto *value = new QLabel(group);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont bold = value->font();
        bold.setBold(true);
        value->setFont(bold);
        pair->addWidget(name);
        pair->addWidget(value);
        // Never narrower than the text: a figure leaves the bar whole or not at all.
        group->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
        layout->addWidget(group);
        m_groups.append(group);
        m_values.append(value);
        m_captions.append(name);
    }
    layout->addStretch();
    setUnknown();
}

QSize TotalsBar::minimumSizeHint() const
{
    // The two figures that always stay: sessions and cost.
    const int width = m_groups.at(int(Field::Sessions))->sizeHint().width() + Spacing +
                      m_groups.at(int(Field::Cost))->sizeHint().width();
    return {width, QWidget::minimumSizeHint().height()};
}

void TotalsBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitTo(width());
}

bool TotalsBar::isShown(Field field) const
{
    return !m_groups.at(int(field))->isHidden();
}

void TotalsBar::fitTo(int width)
{
    int used = 0;
    for (const Field field : Importance) {
        QWidget *group = m_groups.at(int(field));
        const int needed = group->sizeHint().width() + (used > 0 ? Spacing : 0);
        const bool keep = used + needed <= width || field == Field::Sessions;
        group->setHidden(!keep);
        if (keep)
            used += needed;
    }
    updateToolTip();
}

void TotalsBar::updateToolTip()
{
    QStringList dropped;
    for (int i = 0; i < m_groups.size(); ++i) {
        if (m_groups.at(i)->isHidden())
            dropped.append(m_captions.at(i)->text() + QLatin1Char(' ') + m_values.at(i)->text());
    }
    setToolTip(dropped.isEmpty()
                   ? QString()
                   : tr("Not shown for want of room:\n%1").arg(dropped.join(QLatin1Char('\n'))));
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
    fitTo(width());
}

void TotalsBar::setUnknown()
{
    for (QLabel *value : std::as_const(m_values)) {
        value->setText(QStringLiteral("…"));
        value->setToolTip({});
    }
    fitTo(width());
}

QString TotalsBar::text(Field field) const
{
    return label(field)->text();
}

QString TotalsBar::toolTip(Field field) const
{
    return label(field)->toolTip();
}
