#pragma once

#include "api/apierror.h"
#include "api/collectionsummary.h"
#include "api/usagequery.h"
#include "reports/rangeaggregate.h"
#include "reports/requestgeneration.h"

#include <QObject>

class ApiClient;
class UsageCollector;

/// Walks every session of a query once (through UsageCollector: pages in parallel, in order,
/// without duplicates) and folds them into a RangeAggregate. The one pass that feeds the daily
/// series, the comparison and the daily report, so that the model layer never sees the network.
///
/// Folding a page of 200 sessions is a few microseconds of integer additions, so it happens on
/// the thread that receives the page; decoding, the heavy part, is already off-thread in
/// ApiClient for large replies.
///
/// A walk either folds every session the server counts or fails: figures from part of the set
/// must never reach a chart as if they were whole.
class RangeAggregator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RangeAggregator)

public:
    static constexpr int DefaultMaxInFlight = 4;

    explicit RangeAggregator(ApiClient *client, QObject *parent = nullptr);
    ~RangeAggregator() override;

    void setMaxInFlight(int pages);
    /// Starts a new generation; `query`'s page is ignored and its page size forced to the
    /// maximum (fewest requests). Unbounded ends are pinned by the collector.
    quint64 start(UsageQuery query, const QTimeZone &zone);
    void cancel();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] quint64 generation() const { return m_generation.current(); }
    [[nodiscard]] const UsageQuery &query() const;
    /// Page requests sent since construction, for benchmarks and tests.
    [[nodiscard]] int pagesFetched() const { return m_pagesFetched; }

Q_SIGNALS:
    void progress(quint64 generation, int pagesDone, int pageCount);
    void finished(quint64 generation, const RangeAggregate &aggregate,
                  const CollectionSummary &summary);
    void failed(quint64 generation, const ApiError &error);

private:
    UsageCollector *m_collector;
    RangeAggregate m_aggregate;
    RequestGeneration m_generation;
    int m_pagesFetched = 0;
};
