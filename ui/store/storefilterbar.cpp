#include "ui/store/storefilterbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimeZone>

#include <cmath>

namespace {
/// A spin box whose lowest value means "no bound" (shown as its special text).
QDoubleSpinBox *boundBox(const QString &none, double max, int decimals, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(-1, max);
    box->setDecimals(decimals);
    box->setValue(-1);
    box->setSpecialValueText(none);
    return box;
}
std::optional<double> boundOf(const QDoubleSpinBox *box)
{
    return box->value() < 0 ? std::nullopt : std::optional<double>(box->value());
}
} // namespace

StoreFilterBar::StoreFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_character(new QLineEdit(this))
    , m_tenant(new QLineEdit(this))
    , m_model(new QLineEdit(this))
    , m_tag(new QLineEdit(this))
    , m_recording(new QComboBox(this))
    , m_inProgress(new QComboBox(this))
    , m_note(new QComboBox(this))
    , m_minCost(boundBox(tr("any"), 1e6, 2, this))
    , m_maxCost(boundBox(tr("any"), 1e6, 2, this))
    , m_minMinutes(boundBox(tr("any"), 1e5, 1, this))
    , m_maxMinutes(boundBox(tr("any"), 1e5, 1, this))
    , m_useDays(new QCheckBox(tr("Days"), this))
    , m_from(new QDateEdit(QDate::currentDate().addDays(-30), this))
    , m_to(new QDateEdit(QDate::currentDate(), this))
{
    m_character->setPlaceholderText(tr("any character"));
    m_tenant->setPlaceholderText(tr("any tenant"));
    m_model->setPlaceholderText(tr("any model"));
    m_tag->setPlaceholderText(tr("any tag"));
    m_recording->addItem(tr("any recording"));
    for (const char *status : {"READY", "PROCESSING", "FAILED", "NONE"})
        m_recording->addItem(QString::fromLatin1(status), QString::fromLatin1(status));
    m_inProgress->addItems({tr("finished or not"), tr("in progress"), tr("finished")});
    m_note->addItems({tr("with or without note"), tr("with a note"), tr("without a note")});
    const std::pair<QWidget *, std::pair<QString, QString>> described[] = {
        {m_character, {tr("Character"), tr("Only sessions of this character")}},
        {m_tenant, {tr("Tenant"), tr("Only sessions of this tenant")}},
        {m_model, {tr("LLM model"), tr("Only sessions that used this model")}},
        {m_tag, {tr("Tag"), tr("Only sessions with this review tag")}},
        {m_recording, {tr("Recording"), tr("Only sessions whose recording has this status")}},
        {m_inProgress, {tr("In progress"), tr("Finished sessions, those in progress, or both")}},
        {m_note, {tr("Note"), tr("Sessions with a review note, without one, or both")}},
        {m_minCost, {tr("Lowest cost"), tr("Only sessions that cost at least this, in dollars")}},
        {m_maxCost, {tr("Highest cost"), tr("Only sessions that cost at most this, in dollars")}},
        {m_minMinutes, {tr("Shortest"), tr("Only sessions at least this many minutes long")}},
        {m_maxMinutes, {tr("Longest"), tr("Only sessions at most this many minutes long")}},
        {m_useDays, {tr("Days"), tr("Limits the sessions to the days below")}},
        {m_from, {tr("First day"), tr("The first day of sessions shown")}},
        {m_to, {tr("Last day"), tr("The last day of sessions shown")}}};
    for (const auto &[widget, text] : described) {
        widget->setAccessibleName(text.first);
        widget->setAccessibleDescription(text.second);
    }
    for (QDateEdit *date : {m_from, m_to}) {
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        date->setEnabled(false);
    }
    connect(m_useDays, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_useDays, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    auto *apply = new QPushButton(tr("&Apply"), this);
    apply->setDefault(true);
    auto *reset = new QPushButton(tr("Clear"), this);
    apply->setAccessibleName(tr("Apply"));
    apply->setAccessibleDescription(tr("Shows the stored sessions that match these filters"));
    reset->setAccessibleName(tr("Clear"));
    reset->setAccessibleDescription(tr("Clears every filter and shows all stored sessions"));
    connect(apply, &QPushButton::clicked, this, &StoreFilterBar::applyRequested);
    connect(reset, &QPushButton::clicked, this, [this] {
        clear();
        Q_EMIT applyRequested();
    });
    for (QLineEdit *edit : {m_character, m_tenant, m_model, m_tag})
        connect(edit, &QLineEdit::returnPressed, this, &StoreFilterBar::applyRequested);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    int column = 0;
    for (QWidget *w : {static_cast<QWidget *>(m_character), static_cast<QWidget *>(m_tenant),
                       static_cast<QWidget *>(m_model), static_cast<QWidget *>(m_tag),
                       static_cast<QWidget *>(m_recording), static_cast<QWidget *>(m_inProgress),
                       static_cast<QWidget *>(m_note)})
        grid->addWidget(w, 0, column++);
    column = 0;
    auto *costLabel = new QLabel(tr("Cost $"), this);
    costLabel->setBuddy(m_minCost);
    auto *minutesLabel = new QLabel(tr("Minutes"), this);
    minutesLabel->setBuddy(m_minMinutes);
    grid->addWidget(costLabel, 1, column++);
    grid->addWidget(m_minCost, 1, column++);
    grid->addWidget(m_maxCost, 1, column++);
    grid->addWidget(minutesLabel, 1, column++);
    grid->addWidget(m_minMinutes, 1, column++);
    grid->addWidget(m_maxMinutes, 1, column++);
    grid->addWidget(m_useDays, 2, 0);
    grid->addWidget(m_from, 2, 1);
    grid->addWidget(m_to, 2, 2);
    grid->addWidget(reset, 2, 5);
    grid->addWidget(apply, 2, 6);
}

StoreSessionFilter StoreFilterBar::filter(QString *error) const
{
    StoreSessionFilter f;
    f.api.characterSlug = m_character->text().trimmed();
    f.api.tenantId = m_tenant->text().trimmed();
    f.llmModel = m_model->text().trimmed();
    f.tag = m_tag->text().trimmed();
    const QString status = m_recording->currentData().toString();
    if (!status.isEmpty())
        f.recordingStatuses = {status};
    if (m_inProgress->currentIndex() > 0)
        f.inProgress = m_inProgress->currentIndex() == 1;
    if (m_note->currentIndex() > 0)
        f.hasNote = m_note->currentIndex() == 1;
    // Dollars as typed, to the cent, in exact micro-dollars.
    if (const auto min = boundOf(m_minCost))
        f.minCostMicros = std::llround(*min * 100) * 10000;
    if (const auto max = boundOf(m_maxCost))
        f.maxCostMicros = std::llround(*max * 100) * 10000;
    if (const auto min = boundOf(m_minMinutes))
        f.minDurationSeconds = *min * 60;
    if (const auto max = boundOf(m_maxMinutes))
        f.maxDurationSeconds = *max * 60;
    if (m_useDays->isChecked()) {
        // Whole days in UTC, as the stored created_at is.
        const QDateTime from(m_from->date(), QTime(0, 0), QTimeZone::utc());
        const QDateTime to(m_to->date().addDays(1), QTime(0, 0), QTimeZone::utc());
        f.api.range.startMicros = from.toMSecsSinceEpoch() * 1000;
        f.api.range.endMicros = to.toMSecsSinceEpoch() * 1000 - 1;
    }
    error->clear();
    if (f.minCostMicros && f.maxCostMicros && *f.minCostMicros > *f.maxCostMicros)
        *error = tr("The lowest cost is above the highest.");
    else if (f.minDurationSeconds && f.maxDurationSeconds &&
             *f.minDurationSeconds > *f.maxDurationSeconds)
        *error = tr("The shortest duration is above the longest.");
    else if (m_useDays->isChecked() && m_from->date() > m_to->date())
        *error = tr("The first day is after the last.");
    return f;
}

void StoreFilterBar::clear()
{
    for (QLineEdit *edit : {m_character, m_tenant, m_model, m_tag})
        edit->clear();
    for (QComboBox *box : {m_recording, m_inProgress, m_note})
        box->setCurrentIndex(0);
    for (QDoubleSpinBox *box : {m_minCost, m_maxCost, m_minMinutes, m_maxMinutes})
        box->setValue(-1);
    m_useDays->setChecked(false);
}
