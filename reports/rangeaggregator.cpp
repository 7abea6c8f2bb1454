#include "reports/rangeaggregator.h"
#include "api/apiclient.h"
#include "api/usagecollector.h"

RangeAggregator::RangeAggregator(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_collector(new UsageCollector(client, this))
{
    m_collector->setMaxInFlight(DefaultMaxInFlight);
    // The collector itself drops stale pages on start(); the generation here only tells
    // listeners which of their requests an answer belongs to.
    connect(m_collector, &UsageCollector::pageReady, this,
            [this](int, const QList<SessionSummary> &sessions) {
                ++m_pagesFetched;
                for (const SessionSummary &s : sessions)
                    m_aggregate.add(s);
            });
    connect(m_collector, &UsageCollector::recovered, this,
            [this](const QList<SessionSummary> &sessions) {
                for (const SessionSummary &s : sessions)
                    m_aggregate.add(s);
            });
    connect(m_collector, &UsageCollector::progress, this,
            [this](int done, int count) { Q_EMIT progress(m_generation.current(), done, count); });
    // The collector finishes only with the whole set (and fails otherwise), so figures are never
    // built from part of it.
    connect(m_collector, &UsageCollector::finished, this, [this](const CollectionSummary &summary) {
        const RangeAggregate result =
            std::exchange(m_aggregate, RangeAggregate(m_aggregate.zone()));
        Q_EMIT finished(m_generation.current(), result, summary);
    });
    connect(m_collector, &UsageCollector::failed, this, [this](const ApiError &error) {
        m_aggregate = RangeAggregate(m_aggregate.zone());
        Q_EMIT failed(m_generation.current(), error);
    });
}

RangeAggregator::~RangeAggregator() = default;

void RangeAggregator::setMaxInFlight(int pages)
{
    m_collector->setMaxInFlight(pages);
}

quint64 RangeAggregator::start(UsageQuery query, const QTimeZone &zone)
{
    m_generation.advance();
    m_aggregate = RangeAggregate(zone);
    query.pageSize = UsageQuery::MaxPageSize;
    query.page = 1;
    m_collector->start(query);
    return m_generation.current();
}

void RangeAggregator::cancel()
{
    m_generation.advance();
    m_collector->cancel();
    m_aggregate = RangeAggregate(m_aggregate.zone());
}

bool RangeAggregator::isRunning() const
{
    return m_collector->isRunning();
}

const UsageQuery &RangeAggregator::query() const
{
    return m_collector->query();
}
