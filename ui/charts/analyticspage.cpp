#include "analyticspage.h"
#include "apiclient.h"
#include "characterbarchart.h"
#include "characterroster.h"
#include "charactertotalsfetcher.h"
#include "charactertotalsmodel.h"
#include "chartpanel.h"
#include "comparisonmodel.h"
#include "comparisonview.h"
#include "dailyreportbuilder.h"
#include "dailyreportview.h"
#include "dailyserieschart.h"
#include "dailyseriesmodel.h"
#include "rangeaggregator.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

AnalyticsPage::AnalyticsPage(ApiClient *client, CharacterPalette *palette, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_palette(palette)
    , m_zone(QTimeZone::systemTimeZone())
    , m_roster(new CharacterRoster(client, this))
    , m_totalsFetcher(new CharacterTotalsFetcher(client, this))
    , m_totalsModel(new CharacterTotalsModel(m_totalsFetcher, this))
    , m_aggregator(new RangeAggregator(client, this))
    , m_seriesModel(new DailySeriesModel(this))
    , m_comparisonModel(new ComparisonModel(this))
    , m_reportBuilder(new DailyReportBuilder(client, this))
    , m_banner(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_bars(new CharacterBarChart(m_totalsModel, palette))
    , m_series(new DailySeriesChart(m_seriesModel, palette))
    , m_comparison(new ComparisonView(m_comparisonModel, palette, this))
    , m_report(new DailyReportView(m_reportBuilder, palette, this))
{
    m_banner->setWordWrap(true);
    m_banner->hide();
    auto *refreshButton = new QPushButton(QStringLiteral("Refresh"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_banner, 1);
    top->addStretch();
    top->addWidget(refreshButton);
    m_tabs->addTab(buildTotalsTab(), QStringLiteral("Totals"));
    m_tabs->addTab(buildSeriesTab(), QStringLiteral("Per day"));
    m_tabs->addTab(m_comparison, QStringLiteral("Compare"));
    m_tabs->addTab(m_report, QStringLiteral("Daily report"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);

    connect(refreshButton, &QPushButton::clicked, this, &AnalyticsPage::refresh);
    connect(m_roster, &CharacterRoster::changed, this, &AnalyticsPage::onCharactersChanged);
    connect(m_totalsModel, &CharacterTotalsModel::statusChanged, this,
            &AnalyticsPage::updateStatus);
    connect(m_aggregator, &RangeAggregator::finished, this,
            [this](quint64 generation, const RangeAggregate &aggregate, const CollectionSummary &) {
                if (generation != m_aggregation)
                    return;
                m_roster->addSeenSlugs(aggregate.slugs());
                m_seriesModel->setAggregate(aggregate, m_first, m_last, m_roster->slugs());
                m_comparisonModel->setAggregate(aggregate);
                updateStatus();
            });
    connect(m_aggregator, &RangeAggregator::failed, this,
            [this](quint64 generation, const ApiError &e) {
                if (generation == m_aggregation)
                    onError(e);
            });
    connect(m_bars, &CharacterBarChart::characterActivated, this,
            [this](const QString &slug) { Q_EMIT openSessions(slug, QDate()); });
    connect(m_series, &DailySeriesChart::dayActivated, this, &AnalyticsPage::openSessions);
    connect(m_report, &DailyReportView::openSession, this, &AnalyticsPage::openSession);
}

AnalyticsPage::~AnalyticsPage() = default;

QWidget *AnalyticsPage::buildTotalsTab()
{
    auto *picker = new QComboBox;
    using M = CharacterBarChart::Metric;
    for (const M metric : {M::Sessions, M::Cost, M::LlmTokens, M::SttMinutes, M::TtsCharacters})
        picker->addItem(CharacterBarChart::metricName(metric), int(metric));
    connect(picker, &QComboBox::currentIndexChanged, this,
            [this, picker] { m_bars->setMetric(M(picker->currentData().toInt())); });
    auto *panel = new ChartPanel(m_bars, m_totalsModel, CharacterTotalsModel::ExactRole);
    panel->addControl(picker);
    connect(panel, &ChartPanel::exportFailed, this, [this](const QString &message) {
        m_banner->setText(message);
        m_banner->show();
    });
    // The model holds every character's totals (no partial pages), so sorting a proxy is honest.
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_totalsModel);
    sorted->setSortRole(CharacterTotalsModel::SortRole);
    auto *table = new QTableView;
    table->setModel(sorted);
    table->setSortingEnabled(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openSessions(index.data(CharacterTotalsModel::SlugRole).toString(), QDate());
    });
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(panel);
    split->addWidget(table);
    return split;
}

QWidget *AnalyticsPage::buildSeriesTab()
{
    auto *picker = new QComboBox;
    picker->addItem(QStringLiteral("Sessions"), int(DailySeriesModel::Metric::Sessions));
    picker->addItem(QStringLiteral("Cost"), int(DailySeriesModel::Metric::Cost));
    connect(picker, &QComboBox::currentIndexChanged, this, [this, picker] {
        m_seriesModel->setMetric(DailySeriesModel::Metric(picker->currentData().toInt()));
    });
    auto *panel = new ChartPanel(m_series, m_seriesModel, Qt::DisplayRole);
    panel->addControl(picker);
    return panel;
}

void AnalyticsPage::setFilter(const QString &tenantId, QDate first, QDate last)
{
    m_tenant = tenantId;
    m_first = qMin(first, last);
    m_last = qMax(first, last);
    m_report->setTenant(tenantId);
    reload();
}

void AnalyticsPage::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    m_report->setTimeZone(m_zone);
    if (m_first.isValid())
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
    m_totalsModel->refresh();
    reload();
}

bool AnalyticsPage::isLoading() const
{
    return m_totalsModel->isLoading() || m_aggregator->isRunning() || m_roster->isDiscovering();
}

void AnalyticsPage::reload()
{
    if (!m_first.isValid())
        return;
    m_banner->hide();
    UsageQuery query;
    query.tenantId = m_tenant;
    query.range = UtcRange::forDays(m_first, m_last, m_zone);
    // A range reaching into the future is pinned to now, so that the totals and the per-day
    // pass count the same sessions and the days add up exactly to the totals.
    const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000;
    if (query.range.endMicros && *query.range.endMicros > now)
        query.range.endMicros = now;
    m_totalsModel->setFilter(m_tenant, query.range);
    m_roster->discover(query);
    m_aggregation = m_aggregator->start(query, m_zone);
    updateStatus();
}

void AnalyticsPage::onCharactersChanged()
{
    const QStringList slugs = m_roster->slugs();
    m_totalsModel->addCharacters(slugs);
    m_totalsModel->setDisplayNames(m_roster->names());
    m_comparison->setAvailableCharacters(slugs);
    m_report->setCharacters(slugs);
}

void AnalyticsPage::onError(const ApiError &error)
{
    m_banner->setText(error.toDisplayString());
    m_banner->show();
    updateStatus();
}

void AnalyticsPage::updateStatus()
{
    if (const auto error = m_totalsModel->lastError()) {
        m_banner->setText(error->toDisplayString());
        m_banner->show();
    }
    Q_EMIT loadingChanged(isLoading());
}
