#include "ui/sessions/totalsbar.h"
#include "reports/moneyformat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

#include <cmath>

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
        value->setAccessibleName(caption); // read as "Cost: $12.00", not a bare figure
        name->setBuddy(value);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont bold = value->font();
        bold.setBold(true);
        value->setFont(bold);
        auto *change = new QLabel(group);
        change->setVisible(false);
        pair->addWidget(name);
        pair->addWidget(value);
        pair->addWidget(change);
        m_changes.append(change);
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
    m_current = totals;
    updateChanges();
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

void TotalsBar::setPrevious(const std::optional<UsageTotals> &previous)
{
    m_previous = previous;
    updateChanges();
    fitTo(width());
}

QString TotalsBar::changeText(Field field) const
{
    const QLabel *change = m_changes.at(int(field));
    return change->isHidden() ? QString() : change->text();
}

void TotalsBar::updateChanges()
{
    const bool known = m_current && m_previous;
    const QLocale locale;
    for (int i = 0; i < m_changes.size(); ++i) {
        QLabel *change = m_changes.at(i);
        change->setVisible(known);
        if (!known)
            continue;
        const UsageTotals &now = *m_current;
        const UsageTotals &before = *m_previous;
        double current = 0;
        double previous = 0;
        QString previousText;
        switch (Field(i)) {
        case Field::Sessions:
            current = double(now.sessions);
            previous = double(before.sessions);
            previousText = locale.toString(before.sessions);
            break;
        case Field::LlmInput:
            current = double(now.llmInputTokens);
            previous = double(before.llmInputTokens);
            previousText = locale.toString(before.llmInputTokens);
            break;
        case Field::LlmOutput:
            current = double(now.llmOutputTokens);
            previous = double(before.llmOutputTokens);
            previousText = locale.toString(before.llmOutputTokens);
            break;
        case Field::SttMinutes:
            current = now.sttAudioSeconds;
            previous = before.sttAudioSeconds;
            previousText = locale.toString(before.sttAudioSeconds / 60.0, 'f', 1);
            break;
        case Field::TtsCharacters:
            current = double(now.ttsCharacters);
            previous = double(before.ttsCharacters);
            previousText = locale.toString(before.ttsCharacters);
            break;
        case Field::Cost:
            current = double(now.estimatedCost.micros());
            previous = double(before.estimatedCost.micros());
            previousText = MoneyFormat::text(before.estimatedCost);
            break;
        case Field::AverageCost:
            current = double(now.averageCostPerSession().micros());
            previous = double(before.averageCostPerSession().micros());
            previousText = before.sessions > 0 ? MoneyFormat::text(before.averageCostPerSession())
                                               : QStringLiteral("—");
            break;
        }
        QString text;
        if (previous == 0) {
            text = current == 0 ? QStringLiteral("±0 %") : tr("new");
        } else {
            const double percent = (current - previous) / previous * 100.0;
            const QString magnitude = locale.toString(std::abs(percent), 'f', 0);
            text = magnitude == locale.toString(0) ? QStringLiteral("±0 %")
                   : percent > 0                   ? QStringLiteral("▲ %1 %").arg(magnitude)
                                                   : QStringLiteral("▼ %1 %").arg(magnitude);
        }
        change->setText(text);
        change->setToolTip(tr("Previous period of equal length: %1").arg(previousText));
    }
}

void TotalsBar::setUnknown()
{
    m_current.reset();
    updateChanges();
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
