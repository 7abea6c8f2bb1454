#include "ui/charts/analyticspage.h"
#include "models/analyticsservices.h"
#include "models/characterroster.h"
#include "models/charactertotalsfetcher.h"
#include "models/charactertotalsmodel.h"
#include "models/comparisonmodel.h"
#include "models/dailyseriesmodel.h"
#include "reports/dailyreportbuilder.h"
#include "reports/rangeaggregator.h"
#include "ui/charts/characterbarchart.h"
#include "ui/charts/chartpanel.h"
#include "ui/charts/dailyserieschart.h"
#include "ui/comparison/comparisonview.h"
#include "ui/palettecolours.h"
#include "ui/report/dailyreportview.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace {
/// A day as the user's locale writes it ("01.12.26" in German, "12/1/26" in US English).
QString shortDate(QDate day)
{
    return QLocale().toString(day, QLocale::ShortFormat);
}
} // namespace

AnalyticsPage::AnalyticsPage(AnalyticsServices *services, CharacterPalette *palette,
                             QWidget *parent)
    : QWidget(parent)
    , m_palette(palette)
    , m_zone(QTimeZone::systemTimeZone())
    , m_roster(services->roster())
    , m_totalsFetcher(services->totalsFetcher())
    , m_totalsModel(new CharacterTotalsModel(m_totalsFetcher, this))
    , m_aggregator(services->aggregator())
    , m_seriesModel(new DailySeriesModel(this))
    , m_comparisonModel(new ComparisonModel(this))
    , m_reportBuilder(services->reportBuilder())
    , m_caption(new QLabel(this))
    , m_banner(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_bars(new CharacterBarChart(m_totalsModel, palette))
    , m_series(new DailySeriesChart(m_seriesModel, palette))
    , m_comparison(new ComparisonView(m_comparisonModel, palette, this))
    , m_report(new DailyReportView(m_reportBuilder, palette, this))
{
    m_caption->setObjectName(QStringLiteral("analyticsCaption"));
    m_comparison->setMissing([this] { return rangeMissing(); });
    m_caption->setWordWrap(true);
    m_caption->setTextFormat(Qt::PlainText);
    m_banner->setObjectName(QStringLiteral("analyticsBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setMargin(4);
    PaletteColours::showTinted(m_banner, 4); // red, deep on a dark palette
    m_banner->hide();
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setAccessibleName(tr("Refresh"));
    refreshButton->setAccessibleDescription(tr("Loads the figures of the filter again"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_caption, 1);
    top->addWidget(refreshButton);
    m_tabs->addTab(buildTotalsTab(), tr("Totals"));
    m_tabs->addTab(buildSeriesTab(), tr("Per day"));
    m_tabs->addTab(m_comparison, tr("Compare"));
    m_tabs->addTab(m_report, tr("Daily report"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    m_tabs->setTabToolTip(0, tr("Totals per character as bars and as a table"));
    m_tabs->setTabToolTip(1, tr("Sessions or cost per day, a line per character"));
    m_tabs->setTabToolTip(2, tr("Two to six characters side by side"));
    m_tabs->setTabToolTip(3, tr("One character's days: totals, costliest and longest calls"));
    m_tabs->tabBar()->setAccessibleName(tr("Analytics views"));
    m_tabs->tabBar()->setAccessibleDescription(
        tr("Totals, per day, comparison of characters and the daily report"));
    updateCaption();

    connect(refreshButton, &QPushButton::clicked, this, &AnalyticsPage::refresh);
    connect(m_roster, &CharacterRoster::changed, this, &AnalyticsPage::onCharactersChanged);
    connect(m_totalsModel, &CharacterTotalsModel::statusChanged, this,
            &AnalyticsPage::updateStatus);
    connect(m_aggregator, &RangeAggregator::finished, this,
            [this](quint64 generation, const RangeAggregate &aggregate, const CollectionSummary &) {
                if (generation == m_aggregation)
                    onAggregate(aggregate);
            });
    connect(
        m_aggregator, &RangeAggregator::failed, this,
        [this](quint64 generation, const ApiError &e) {
            if (generation != m_aggregation)
                return;
            // Figures of part of the range must not stay up as if whole, nor those of the
            // previous filter: the per-day lines and the comparison are emptied.
            m_seriesModel->clear();
            m_comparisonModel->setAggregate(RangeAggregate(m_zone));
            m_rangeProblem =
                tr("the figures of the range could not be loaded (%1)").arg(e.toDisplayString());
            onError(e);
        });
    // A bar covers the filter's whole range; a point covers one day of it.
    connect(m_bars, &CharacterBarChart::characterActivated, this,
            [this](const QString &slug) { Q_EMIT openSessions(slug, m_tenant, m_first, m_last); });
    connect(m_series, &DailySeriesChart::dayActivated, this,
            [this](const QString &slug, QDate day) {
                Q_EMIT openSessions(slug.isEmpty() ? m_character : slug, m_tenant, day, day);
            });
    connect(m_report, &DailyReportView::openSession, this, &AnalyticsPage::openSession);
}

AnalyticsPage::~AnalyticsPage() = default;

QWidget *AnalyticsPage::buildTotalsTab()
{
    auto *picker = new QComboBox;
    picker->setObjectName(QStringLiteral("totalsMetric"));
    picker->setAccessibleName(tr("Metric"));
    picker->setAccessibleDescription(tr("What the bars and the table's order measure"));
    using M = CharacterBarChart::Metric;
    for (const M metric : {M::Sessions, M::Cost, M::LlmTokens, M::SttMinutes, M::TtsCharacters})
        picker->addItem(CharacterBarChart::metricName(metric), int(metric));
    auto *panel = new ChartPanel(m_bars, m_totalsModel, CharacterTotalsModel::ExactRole);
    panel->addControl(picker);
    panel->setMissing([this] { return totalsMissing(); });
    connect(panel, &ChartPanel::exportFailed, this, &AnalyticsPage::showBanner);
    // The model holds every character's totals (no partial pages), so sorting a proxy is honest.
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_totalsModel);
    sorted->setSortRole(CharacterTotalsModel::SortRole);
    auto *table = new QTableView;
    table->setObjectName(QStringLiteral("totalsTable"));
    table->setAccessibleName(tr("Totals per character"));
    table->setAccessibleDescription(
        tr("Every character's totals over the filter's range; Enter lists its sessions"));
    table->setModel(sorted);
    table->setSortingEnabled(true);
    // The table opens in the chart's order (largest first, ties by name) and follows the
    // chart's metric; a click on a header still sorts it by any other column.
    const auto sortAsChart = [table](M metric) {
        using C = CharacterTotalsModel;
        switch (metric) {
        case M::Sessions:
            table->sortByColumn(C::SessionsColumn, Qt::DescendingOrder);
            break;
        case M::Cost:
            table->sortByColumn(C::CostColumn, Qt::DescendingOrder);
            break;
        case M::LlmTokens:
            table->sortByColumn(C::LlmTokensColumn, Qt::DescendingOrder);
            break;
        case M::SttMinutes:
            table->sortByColumn(C::SttMinutesColumn, Qt::DescendingOrder);
            break;
        case M::TtsCharacters:
            table->sortByColumn(C::TtsCharactersColumn, Qt::DescendingOrder);
            break;
        }
    };
    sortAsChart(m_bars->metric());
    connect(picker, &QComboBox::currentIndexChanged, this, [this, picker, sortAsChart] {
        const auto metric = M(picker->currentData().toInt());
        m_bars->setMetric(metric);
        sortAsChart(metric);
    });
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openSessions(index.data(CharacterTotalsModel::SlugRole).toString(), m_tenant,
                            m_first, m_last);
    });
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(panel);
    split->addWidget(table);
    return split;
}

QWidget *AnalyticsPage::buildSeriesTab()
{
    auto *picker = new QComboBox;
    picker->addItem(tr("Sessions"), int(DailySeriesModel::Metric::Sessions));
    picker->addItem(tr("Cost"), int(DailySeriesModel::Metric::Cost));
    picker->setAccessibleName(tr("Metric"));
    picker->setAccessibleDescription(tr("What the lines measure per day"));
    connect(picker, &QComboBox::currentIndexChanged, this, [this, picker] {
        m_seriesModel->setMetric(DailySeriesModel::Metric(picker->currentData().toInt()));
    });
    auto *panel = new ChartPanel(m_series, m_seriesModel, DailySeriesModel::ExportRole);
    panel->addControl(picker);
    panel->setMissing([this] { return rangeMissing(); });
    connect(panel, &ChartPanel::exportFailed, this, &AnalyticsPage::showBanner);
    return panel;
}

void AnalyticsPage::setFilter(const QString &characterSlug, const QString &tenantId, QDate first,
                              QDate last)
{
    m_character = characterSlug;
    m_tenant = tenantId;
    if (first.isValid() && last.isValid()) {
        m_first = qMin(first, last);
        m_last = qMax(first, last);
    } else {
        m_first = m_last = QDate(); // all time
    }
    m_hasFilter = true;
    m_stale = true;
    m_report->setTenant(tenantId);
    updateCaption();
    if (isVisible())
        reload();
}

void AnalyticsPage::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    m_report->setTimeZone(m_zone);
    m_stale = true;
    updateCaption();
    if (isVisible())
        reload();
}

void AnalyticsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void AnalyticsPage::ensureLoaded()
{
    if (m_stale)
        reload();
}

void AnalyticsPage::addKnownCharacters(const QStringList &slugs)
{
    m_roster->addSeenSlugs(slugs);
}

void AnalyticsPage::setSavedCharacters(const QStringList &slugs)
{
    m_roster->setSavedSlugs(slugs);
}

void AnalyticsPage::refresh()
{
    reload();
    m_totalsModel->refresh();
}

bool AnalyticsPage::isLoading() const
{
    return m_totalsModel->isLoading() || m_aggregator->isRunning() || m_roster->isDiscovering();
}

void AnalyticsPage::reload()
{
    if (!m_hasFilter)
        return;
    m_stale = false;
    m_banner->hide();
    UsageQuery query;
    query.characterSlug = m_character;
    query.tenantId = m_tenant;
    if (m_first.isValid())
        query.range = UtcRange::forDays(m_first, m_last, m_zone);
    // The end is pinned to now, so that the totals and the per-day pass count the same
    // sessions and the days add up exactly to the totals.
    const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000;
    if (!query.range.endMicros || *query.range.endMicros > now)
        query.range.endMicros = now;
    m_seriesFirst = m_first;
    m_seriesLast =
        m_first.isValid() ? m_last : QDateTime::fromMSecsSinceEpoch(now / 1000, m_zone).date();
    m_totalsModel->setOnlyCharacter(m_character);
    m_totalsModel->setFilter(m_tenant, query.range);
    m_totalsModel->addCharacters(m_roster->slugs());
    m_roster->discover(query);
    m_aggregation = m_aggregator->start(query, m_zone);
    updateCaption();
    updateStatus();
}

void AnalyticsPage::onAggregate(const RangeAggregate &aggregate)
{
    m_rangeProblem.clear();
    m_roster->addSeenSlugs(aggregate.slugs());
    if (!m_first.isValid()) {
        // All time has no first day of its own: the series starts with the first session.
        const QDate first = aggregate.firstDay();
        m_seriesFirst = first.isValid() ? qMin(first, m_seriesLast) : m_seriesLast;
    }
    m_seriesModel->setAggregate(aggregate, m_seriesFirst, m_seriesLast, shownSlugs());
    m_comparisonModel->setAggregate(aggregate);
    updateCaption();
    updateStatus();
}

QStringList AnalyticsPage::shownSlugs() const
{
    return m_character.isEmpty() ? m_roster->slugs() : QStringList{m_character};
}

QString AnalyticsPage::caption() const
{
    return m_caption->text();
}

QString AnalyticsPage::errorText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void AnalyticsPage::updateCaption()
{
    if (!m_hasFilter) {
        m_caption->setText(tr("Apply the session list's filters to see their figures."));
        return;
    }
    const QString character =
        m_character.isEmpty() ? tr("all characters") : tr("character %1").arg(m_character);
    const QString tenant = m_tenant.isEmpty() ? tr("all tenants") : tr("tenant %1").arg(m_tenant);
    QString range;
    if (m_first.isValid()) {
        range = m_first == m_last ? shortDate(m_first)
                                  : tr("%1 to %2").arg(shortDate(m_first), shortDate(m_last));
    } else if (m_seriesFirst.isValid()) {
        range = tr("all time (per day from %1, the first day with a session, to %2)")
                    .arg(shortDate(m_seriesFirst), shortDate(m_seriesLast));
    } else {
        range = tr("all time");
    }
    m_caption->setText(tr("Showing the session list's filter: %1, %2, %3; days in %4.")
                           .arg(character, tenant, range, QString::fromUtf8(m_zone.id())));
}

void AnalyticsPage::onCharactersChanged()
{
    const QStringList slugs = m_roster->slugs();
    // A new character's totals are a request: not while the page waits to be shown.
    if (!m_stale)
        m_totalsModel->addCharacters(slugs);
    m_totalsModel->setDisplayNames(m_roster->names());
    m_comparisonModel->setDisplayNames(m_roster->names());
    Q_EMIT characterNamesChanged(m_roster->names());
    m_comparison->setAvailableCharacters(slugs);
    m_report->setCharacters(slugs, m_roster->names());
}

void AnalyticsPage::onError(const ApiError &error)
{
    showBanner(error.toDisplayString());
    updateStatus();
}

void AnalyticsPage::showBanner(const QString &message)
{
    m_banner->setText(message);
    m_banner->show();
}

QString AnalyticsPage::rangeMissing() const
{
    return m_aggregator->isRunning() ? tr("the figures of the range are still loading")
                                     : m_rangeProblem;
}

QString AnalyticsPage::totalsMissing() const
{
    QStringList failed;
    QString firstError;
    int waiting = 0;
    for (int row = 0; row < m_totalsModel->rowCount(); ++row) {
        const QModelIndex index = m_totalsModel->index(row, CharacterTotalsModel::CharacterColumn);
        if (const QString error = index.data(CharacterTotalsModel::ErrorRole).toString();
            !error.isEmpty()) {
            failed.append(index.data().toString());
            if (firstError.isEmpty())
                firstError = error;
        } else if (index.data(CharacterTotalsModel::LoadingRole).toBool()) {
            ++waiting;
        }
    }
    if (!failed.isEmpty())
        return tr("the totals of %1 could not be loaded (%2)")
            .arg(QLocale().createSeparatedList(failed), firstError);
    if (waiting > 0)
        return tr("the totals of %n character(s) are not in yet", nullptr, waiting);
    if (m_totalsModel->status() == CharacterTotalsModel::Status::Idle || m_totalsModel->isLoading())
        return tr("the totals are not in yet");
    return {};
}

void AnalyticsPage::updateStatus()
{
    if (const auto error = m_totalsModel->lastError()) {
        m_banner->setText(error->toDisplayString());
        m_banner->show();
    }
    Q_EMIT loadingChanged(isLoading());
}
