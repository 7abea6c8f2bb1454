#include "ui/report/dailyreportview.h"
#include "api/apierror.h"
#include "models/characterpalette.h"
#include "reports/dailyreportbuilder.h"
#include "reports/moneyformat.h"
#include "ui/charts/chartpanel.h"
#include "ui/charts/hourlychart.h"

#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return table;
}

QTableWidgetItem *cell(const QString &text, bool number = true)
{
    auto *item = new QTableWidgetItem(text);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

/// One figure of the report's totals as the window writes it (money in the one money format,
/// counts with the locale's grouping), the exact value the report carries on hover.
QTableWidgetItem *figure(DailyReport::Change::Unit unit, const QString &exact, bool isChange)
{
    using Unit = DailyReport::Change::Unit;
    const QLocale locale;
    QString text = exact;
    switch (unit) {
    case Unit::Money: {
        const Money amount = Money::parse(exact).value_or(Money());
        text = isChange ? MoneyFormat::change(amount) : MoneyFormat::text(amount);
        break;
    }
    case Unit::Seconds: {
        const double seconds = exact.toDouble();
        text = locale.toString(seconds, 'f', 1);
        if (isChange && seconds > 0)
            text.prepend(locale.positiveSign());
        break;
    }
    case Unit::Count: {
        const qint64 count = exact.toLongLong();
        text = locale.toString(count);
        if (isChange && count > 0)
            text.prepend(locale.positiveSign());
        break;
    }
    }
    QTableWidgetItem *item = cell(text);
    item->setToolTip(unit == Unit::Money ? MoneyFormat::exact(Money::parse(exact).value_or(Money()))
                                         : exact);
    return item;
}
} // namespace

DailyReportView::DailyReportView(DailyReportBuilder *builder, CharacterPalette *palette,
                                 QWidget *parent)
    : QWidget(parent)
    , m_builder(builder)
    , m_palette(palette)
    , m_zone(QTimeZone::systemTimeZone())
    , m_character(new QComboBox(this))
    , m_first(new QDateEdit(QDate::currentDate(), this))
    , m_last(new QDateEdit(QDate::currentDate(), this))
    , m_status(new QLabel(this))
    , m_totals(
          makeTable({tr("Figure"), tr("This period"), tr("Previous"), tr("Change"), tr("%")}, this))
    , m_costliest(
          makeTable({tr("Costliest session"), tr("Start"), tr("Cost"), tr("Duration")}, this))
    , m_longest(makeTable({tr("Longest session"), tr("Start"), tr("Cost"), tr("Duration")}, this))
    , m_hours(new HourlyChart(this))
{
    for (QDateEdit *edit : {m_first, m_last}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    auto *show = new QPushButton(tr("Show"), this);
    show->setAccessibleName(tr("Show"));
    show->setAccessibleDescription(tr("Shows the report of the chosen character and days"));
    m_character->setAccessibleName(tr("Character"));
    m_character->setAccessibleDescription(tr("The character the report is about"));
    m_first->setAccessibleName(tr("First day"));
    m_first->setAccessibleDescription(tr("The first day of the report"));
    m_last->setAccessibleName(tr("Last day"));
    m_last->setAccessibleDescription(tr("The last day of the report"));
    m_totals->setAccessibleName(tr("Figures"));
    m_totals->setAccessibleDescription(
        tr("The period's figures beside the previous period's, with the change"));
    m_costliest->setAccessibleName(tr("Costliest sessions"));
    m_costliest->setAccessibleDescription(tr("The period's costliest sessions; Enter opens one"));
    m_longest->setAccessibleName(tr("Longest sessions"));
    m_longest->setAccessibleDescription(tr("The period's longest sessions; Enter opens one"));
    auto *characterLabel = new QLabel(tr("Character:"), this);
    characterLabel->setBuddy(m_character);
    auto *fromLabel = new QLabel(tr("From:"), this);
    fromLabel->setBuddy(m_first);
    auto *toLabel = new QLabel(tr("to:"), this);
    toLabel->setBuddy(m_last);
    auto *controls = new QHBoxLayout;
    m_character->setObjectName(QStringLiteral("reportCharacter"));
    // A character's name comes from the server: plain text, never markup.
    m_status->setTextFormat(Qt::PlainText);
    controls->addWidget(characterLabel);
    controls->addWidget(m_character, 1);
    controls->addWidget(fromLabel);
    controls->addWidget(m_first);
    controls->addWidget(toLabel);
    controls->addWidget(m_last);
    controls->addWidget(show);
    auto *grid = new QGridLayout;
    grid->addWidget(m_totals, 0, 0);
    // The hours export like every other chart: PNG, SVG and their figures as CSV.
    auto *hours = new ChartPanel(m_hours, m_hours->hoursModel(), Qt::DisplayRole, this);
    hours->setMissing([this] { return m_missing; });
    connect(hours, &ChartPanel::exportFailed, m_status, &QLabel::setText);
    grid->addWidget(hours, 0, 1);
    grid->addWidget(m_costliest, 1, 0);
    grid->addWidget(m_longest, 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addLayout(grid, 1);

    connect(show, &QPushButton::clicked, this, &DailyReportView::request);
    connect(m_builder, &DailyReportBuilder::ready, this, &DailyReportView::onReady);
    connect(m_builder, &DailyReportBuilder::failed, this, &DailyReportView::onFailed);
    for (QTableWidget *table : {m_costliest, m_longest}) {
        connect(table, &QTableWidget::cellActivated, this,
                [this, table](int row, int) { Q_EMIT openSession(table->item(row, 0)->text()); });
    }
}

DailyReportView::~DailyReportView() = default;

void DailyReportView::setCharacters(const QStringList &slugs, const QHash<QString, QString> &names)
{
    const QString current = currentSlug();
    m_names = names;
    m_character->clear();
    for (const QString &slug : slugs) {
        QPixmap swatch(12, 12);
        swatch.fill(m_palette->color(slug, palette()));
        // The name where there is one; the slug is what the report asks for.
        m_character->addItem(swatch, names.value(slug, slug), slug);
        m_character->setItemData(m_character->count() - 1, slug, Qt::ToolTipRole);
    }
    const int at = m_character->findData(current);
    if (at >= 0)
        m_character->setCurrentIndex(at);
}

QString DailyReportView::currentSlug() const
{
    return m_character->currentData().toString();
}

void DailyReportView::showReport(const QString &slug, QDate first, QDate last)
{
    if (m_character->findData(slug) < 0)
        m_character->addItem(m_names.value(slug, slug), slug);
    m_character->setCurrentIndex(m_character->findData(slug));
    m_first->setDate(first);
    m_last->setDate(last.isValid() ? last : first);
    request();
}

void DailyReportView::request()
{
    const QString slug = currentSlug();
    if (slug.isEmpty()) {
        m_status->setText(tr("Pick a character."));
        m_missing = tr("no character is picked");
        return;
    }
    const QDate first = qMin(m_first->date(), m_last->date());
    const QDate last = qMax(m_first->date(), m_last->date());
    m_status->setText(tr("Loading…"));
    m_missing = tr("the report is still loading");
    m_builder->start(slug, m_tenant, UtcRange::forDays(first, last, m_zone), m_zone);
}

void DailyReportView::onReady(const DailyReport &report)
{
    m_report = report;
    m_missing.clear();
    m_status->setText(tr("%1: %Ln session(s), %2", nullptr, int(report.totals.sessions))
                          .arg(m_names.value(report.characterSlug, report.characterSlug),
                               MoneyFormat::text(report.totals.estimatedCost)));
    const auto changes = report.changes();
    m_totals->setRowCount(int(changes.size()));
    for (int row = 0; row < changes.size(); ++row) {
        const DailyReport::Change &c = changes.at(row);
        m_totals->setItem(row, 0, cell(c.name, false));
        m_totals->setItem(row, 1, figure(c.unit, c.currentText, false));
        m_totals->setItem(row, 2, figure(c.unit, c.previousText, false));
        m_totals->setItem(row, 3, figure(c.unit, c.absoluteText, true));
        m_totals->setItem(row, 4,
                          cell(c.percent
                                   ? QLocale().toString(*c.percent, 'f', 1) + QStringLiteral(" %")
                                   : tr("n/a")));
    }
    fillSessions(m_costliest, report.costliest);
    fillSessions(m_longest, report.longest);
    m_hours->setHours(report.hours, m_palette->color(report.characterSlug, palette()));
}

QString DailyReportView::statusText() const
{
    return m_status->text();
}

void DailyReportView::onFailed(const ApiError &error)
{
    // The previous report (another day, or part of this one) must not stay up as this one.
    m_report = {};
    m_totals->setRowCount(0);
    m_costliest->setRowCount(0);
    m_longest->setRowCount(0);
    m_hours->setHours({}, m_palette->color(currentSlug(), palette()));
    m_status->setText(tr("No report: %1").arg(error.toDisplayString()));
    m_missing = tr("there is no report (%1)").arg(error.toDisplayString());
}

void DailyReportView::fillSessions(QTableWidget *table, const QList<SessionBrief> &sessions)
{
    table->setRowCount(int(sessions.size()));
    for (int row = 0; row < sessions.size(); ++row) {
        const SessionBrief &s = sessions.at(row);
        const qint64 seconds = qint64(s.durationSeconds + 0.5);
        table->setItem(row, 0, cell(s.sessionId, false));
        table->setItem(
            row, 1,
            cell(QLocale().toString(s.createdAt.toTimeZone(m_zone), QLocale::ShortFormat), false));
        table->setItem(row, 2, cell(MoneyFormat::text(s.cost)));
        table->item(row, 2)->setToolTip(MoneyFormat::exact(s.cost));
        table->setItem(row, 3,
                       cell(QStringLiteral("%1:%2")
                                .arg(QLocale().toString(seconds / 60))
                                .arg(seconds % 60, 2, 10, QLatin1Char('0'))));
    }
}
