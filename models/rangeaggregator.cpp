#include "rangeaggregator.h"

RangeAggregator::RangeAggregator(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_collector(new UsageCollector(client, this))
{
    m_collector->setMaxInFlight(DefaultMaxInFlight);
    connect(m_collector, &UsageCollector::started, this,
            [this](const UsageTotals &totals, qint64 count, int) {
                // The larger of the server's two figures: fewer sessions than either is a hole.
                m_expected = qMax(count, totals.sessions);
            });
    // The collector itself drops stale pages on start(); the generation here only tells
    // listeners which of their requests an answer belongs to.
    connect(m_collector, &UsageCollector::pageReady, this,
            [this](int, const QList<SessionSummary> &sessions) {
                ++m_pagesFetched;
                m_received += sessions.size();
                for (const SessionSummary &s : sessions)
                    m_aggregate.add(s);
            });
    connect(m_collector, &UsageCollector::progress, this,
            [this](int done, int count) { Q_EMIT progress(m_generation.current(), done, count); });
    connect(m_collector, &UsageCollector::finished, this, [this](const CollectionSummary &summary) {
        // Figures built from fewer sessions than the server counts would be shown as whole:
        // a short walk is a failure, whatever the collector made of it.
        if (m_received < m_expected) {
            m_aggregate = RangeAggregate(m_aggregate.zone());
            Q_EMIT failed(m_generation.current(), incompleteError(m_expected, m_received));
            return;
        }
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

ApiError RangeAggregator::incompleteError(qint64 expected, qint64 received)
{
    return ApiError::make(ApiError::Kind::Incomplete,
                          tr("The server counts %L1 sessions but %L2 arrived; the figures are "
                             "not shown, since they would leave %L3 sessions out.")
                              .arg(expected)
                              .arg(received)
                              .arg(qAbs(expected - received)));
}

quint64 RangeAggregator::start(UsageQuery query, const QTimeZone &zone)
{
    m_generation.advance();
    m_expected = 0;
    m_received = 0;
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
