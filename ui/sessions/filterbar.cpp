#include "ui/sessions/filterbar.h"

#include "ui/palettecolours.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace {
constexpr int MaxKnownCharacters = 100;
}

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_character(new QComboBox(this))
    , m_tenant(new QLineEdit(this))
    , m_preset(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_dateError(new QLabel(this))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_character->setEditable(true);
    m_character->setInsertPolicy(QComboBox::NoInsert);
    m_character->lineEdit()->setPlaceholderText(tr("any character"));
    m_character->setMinimumContentsLength(16);
    m_character->setObjectName(QStringLiteral("characterFilter"));
    m_tenant->setPlaceholderText(tr("any tenant"));
    m_tenant->setObjectName(QStringLiteral("tenantFilter"));
    const std::pair<Preset, QString> presets[] = {{Preset::AllTime, tr("All time")},
                                                  {Preset::Today, tr("Today")},
                                                  {Preset::Yesterday, tr("Yesterday")},
                                                  {Preset::Last7Days, tr("Last 7 days")},
                                                  {Preset::Last30Days, tr("Last 30 days")},
                                                  {Preset::ThisMonth, tr("This month")},
                                                  {Preset::Custom, tr("Custom")}};
    for (const auto &[preset, label] : presets)
        m_preset->addItem(label, QVariant::fromValue(preset));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        // With "All time" the greyed boxes say so instead of showing dates that no longer
        // apply: the minimum date stands for "no date" and is written as a dash.
        edit->setSpecialValueText(QStringLiteral("—"));
        edit->setDate(today());
    }
    m_dateError->setObjectName(QStringLiteral("dateError"));
    PaletteColours::showAsError(m_dateError);
    m_dateError->setVisible(false);
    auto *applyButton = new QPushButton(tr("Apply"), this);
    auto *clearButton = new QPushButton(tr("Clear"), this);
    applyButton->setAccessibleName(tr("Apply"));
    applyButton->setAccessibleDescription(tr("Lists the sessions that match these filters"));
    clearButton->setAccessibleName(tr("Clear"));
    clearButton->setAccessibleDescription(tr("Clears every filter and lists all sessions"));
    m_character->setAccessibleName(tr("Character"));
    m_character->setAccessibleDescription(
        tr("Only sessions of this character; empty for any character"));
    m_tenant->setAccessibleName(tr("Tenant"));
    m_tenant->setAccessibleDescription(tr("Only sessions of this tenant; empty for any tenant"));
    m_preset->setAccessibleName(tr("Period"));
    m_preset->setAccessibleDescription(tr("The days the sessions were created on"));
    m_from->setAccessibleName(tr("First day"));
    m_from->setAccessibleDescription(tr("The first day of a custom period"));
    m_to->setAccessibleName(tr("Last day"));
    m_to->setAccessibleDescription(tr("The last day of a custom period"));
    auto *characterLabel = new QLabel(tr("Character"), this);
    characterLabel->setBuddy(m_character);
    auto *tenantLabel = new QLabel(tr("Tenant"), this);
    tenantLabel->setBuddy(m_tenant);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(characterLabel);
    layout->addWidget(m_character, 2);
    layout->addWidget(tenantLabel);
    layout->addWidget(m_tenant, 1);
    layout->addWidget(m_preset);
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(QStringLiteral("–"), this));
    layout->addWidget(m_to);
    layout->addWidget(m_dateError);
    layout->addWidget(applyButton);
    layout->addWidget(clearButton);

    connect(applyButton, &QPushButton::clicked, this, &FilterBar::apply);
    connect(clearButton, &QPushButton::clicked, this, &FilterBar::clear);
    connect(m_preset, &QComboBox::activated, this, &FilterBar::onPresetChosen);
    // Editing a date by hand makes the range custom.
    for (QDateEdit *edit : {m_from, m_to}) {
        connect(edit, &QDateEdit::userDateChanged, this, [this] {
            m_preset->setCurrentIndex(m_preset->findData(QVariant::fromValue(Preset::Custom)));
        });
    }
    setPreset(Preset::AllTime);
}

void FilterBar::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    onPresetChosen(); // "today" may be another date over there
}

void FilterBar::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    onPresetChosen();
}

QDate FilterBar::today() const
{
    const QDateTime now = m_clock();
    return (m_zone.isValid() ? now.toTimeZone(m_zone) : now.toLocalTime()).date();
}

void FilterBar::setPreset(Preset preset)
{
    m_preset->setCurrentIndex(m_preset->findData(QVariant::fromValue(preset)));
    onPresetChosen();
}

FilterBar::Preset FilterBar::preset() const
{
    return m_preset->currentData().value<Preset>();
}

void FilterBar::onPresetChosen()
{
    const Preset p = preset();
    const bool dated = p != Preset::AllTime;
    m_from->setEnabled(dated);
    m_to->setEnabled(dated);
    if (p == Preset::AllTime || p == Preset::Custom) {
        const QSignalBlocker blockFrom(m_from), blockTo(m_to);
        for (QDateEdit *edit : {m_from, m_to}) {
            if (p == Preset::AllTime)
                edit->setDate(edit->minimumDate());
            else if (edit->date() == edit->minimumDate())
                edit->setDate(today()); // a custom range starts from today, not from the dash
        }
        return;
    }
    const auto [first, last] = presetDays(p, today());
    const QSignalBlocker blockFrom(m_from), blockTo(m_to);
    m_from->setDate(first);
    m_to->setDate(last);
}

std::pair<QDate, QDate> FilterBar::presetDays(Preset preset, QDate today)
{
    switch (preset) {
    case Preset::Today:
        return {today, today};
    case Preset::Yesterday:
        return {today.addDays(-1), today.addDays(-1)};
    case Preset::Last7Days:
        return {today.addDays(-6), today};
    case Preset::Last30Days:
        return {today.addDays(-29), today};
    case Preset::ThisMonth:
        return {QDate(today.year(), today.month(), 1), today};
    case Preset::AllTime:
    case Preset::Custom:
        break;
    }
    return {};
}

void FilterBar::setCustomDays(QDate first, QDate last)
{
    m_preset->setCurrentIndex(m_preset->findData(QVariant::fromValue(Preset::Custom)));
    const QSignalBlocker blockFrom(m_from), blockTo(m_to);
    m_from->setDate(first);
    m_to->setDate(last);
    onPresetChosen();
}

void FilterBar::setCharacter(const QString &slug)
{
    m_character->setEditText(slug);
}

void FilterBar::setTenant(const QString &tenant)
{
    m_tenant->setText(tenant);
}

QString FilterBar::character() const
{
    return m_character->currentText().trimmed();
}

void FilterBar::addKnownCharacters(const QStringList &slugs)
{
    const QString text = m_character->currentText();
    for (const QString &slug : slugs) {
        if (slug.isEmpty() || m_character->findText(slug) >= 0)
            continue;
        if (m_character->count() >= MaxKnownCharacters)
            break;
        m_character->addItem(slug);
    }
    m_character->model()->sort(0);
    m_character->setEditText(text);
}

QStringList FilterBar::knownCharacters() const
{
    QStringList slugs;
    for (int i = 0; i < m_character->count(); ++i)
        slugs.append(m_character->itemText(i));
    return slugs;
}

QString FilterBar::tenant() const
{
    return m_tenant->text().trimmed();
}

std::pair<QDate, QDate> FilterBar::days() const
{
    if (preset() == Preset::AllTime)
        return {};
    return {qMin(m_from->date(), m_to->date()), qMax(m_from->date(), m_to->date())};
}

UsageQuery FilterBar::query() const
{
    UsageQuery q;
    q.characterSlug = character();
    q.tenantId = tenant();
    const auto [first, last] = days();
    if (first.isValid())
        q.range =
            UtcRange::forDays(first, last, m_zone.isValid() ? m_zone : QTimeZone::systemTimeZone());
    return q;
}

void FilterBar::setDateError(const QString &message)
{
    m_dateError->setText(message);
    m_dateError->setVisible(!message.isEmpty());
}

QString FilterBar::dateError() const
{
    return m_dateError->isHidden() ? QString() : m_dateError->text();
}

QVariantMap FilterBar::saveState() const
{
    return {{QStringLiteral("character"), character()},
            {QStringLiteral("tenant"), m_tenant->text()},
            {QStringLiteral("preset"), int(preset())},
            {QStringLiteral("from"), m_from->date()},
            {QStringLiteral("to"), m_to->date()},
            {QStringLiteral("knownCharacters"), knownCharacters()}};
}

void FilterBar::restoreState(const QVariantMap &state)
{
    addKnownCharacters(state.value(QStringLiteral("knownCharacters")).toStringList());
    setCharacter(state.value(QStringLiteral("character")).toString());
    setTenant(state.value(QStringLiteral("tenant")).toString());
    const auto p = Preset(state.value(QStringLiteral("preset"), int(Preset::AllTime)).toInt());
    if (p == Preset::Custom)
        setCustomDays(state.value(QStringLiteral("from")).toDate(),
                      state.value(QStringLiteral("to")).toDate());
    else
        setPreset(p);
}

void FilterBar::apply()
{
    setDateError({});
    Q_EMIT applied(query());
}

void FilterBar::clear()
{
    setCharacter({});
    setTenant({});
    setPreset(Preset::AllTime);
    apply();
}

void FilterBar::focusFilters()
{
    m_character->setFocus(Qt::ShortcutFocusReason);
    m_character->lineEdit()->selectAll();
}

void FilterBar::keyPressEvent(QKeyEvent *event)
{
    // Children pass Enter up (line edits and date edits ignore it): apply from anywhere.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        apply();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}
