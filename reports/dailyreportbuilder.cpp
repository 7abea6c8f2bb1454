#include "reports/dailyreportbuilder.h"
#include "api/apiclient.h"
#include "reports/rangeaggregator.h"

DailyReportBuilder::DailyReportBuilder(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_aggregator(new RangeAggregator(client, this))
{
    connect(m_aggregator, &RangeAggregator::finished, this, &DailyReportBuilder::onAggregate);
    connect(m_aggregator, &RangeAggregator::failed, this,
            [this](quint64 generation, const ApiError &e) {
                if (generation == m_aggregatorGeneration)
                    fail(e);
            });
}

DailyReportBuilder::~DailyReportBuilder()
{
    cancel();
}

void DailyReportBuilder::start(const QString &characterSlug, const QString &tenantId,
                               const UtcRange &range, const QTimeZone &zone)
{
    cancel();
    const quint64 generation = m_generation.advance();
    m_report = {};
    m_report.characterSlug = characterSlug;
    m_report.tenantId = tenantId;
    m_report.range = range;
    m_report.zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    m_report.previousRange = DailyReport::previousPeriod(range, m_report.zone);
    m_pending = 2;

    UsageQuery query;
    query.characterSlug = characterSlug;
    query.tenantId = tenantId;
    query.range = range;
    m_aggregatorGeneration = m_aggregator->start(query, m_report.zone);

    if (!m_report.previousRange.startMicros) {
        --m_pending; // an open range has no previous period of equal length
        return;
    }
    UsageQuery previous = query;
    previous.range = m_report.previousRange;
    previous.pageSize = 1;
    m_previousRequest =
        m_client->fetchUsage(previous, this, [this, generation](Result<UsagePage> result) {
            if (!m_generation.isCurrent(generation))
                return;
            m_previousRequest = 0;
            if (result)
                m_report.previous = result.value().totals;
            else if (result.error().kind != ApiError::Kind::NotFound)
                return fail(result.error());
            partDone();
        });
}

void DailyReportBuilder::cancel()
{
    m_generation.advance();
    m_pending = 0;
    m_aggregator->cancel();
    if (m_previousRequest)
        m_client->cancel(std::exchange(m_previousRequest, 0));
}

void DailyReportBuilder::onAggregate(quint64 generation, const RangeAggregate &aggregate,
                                     const CollectionSummary &summary)
{
    if (generation != m_aggregatorGeneration || m_pending == 0)
        return;
    m_report.totals = summary.serverTotals;
    if (const auto *c = aggregate.character(m_report.characterSlug)) {
        m_report.stats = c->stats;
        m_report.costliest = c->costliest;
        m_report.longest = c->longest;
        m_report.hours = c->hours;
    }
    partDone();
}

void DailyReportBuilder::fail(const ApiError &error)
{
    if (m_pending == 0)
        return;
    cancel();
    Q_EMIT failed(error);
}

void DailyReportBuilder::partDone()
{
    if (--m_pending == 0)
        Q_EMIT ready(m_report);
}
