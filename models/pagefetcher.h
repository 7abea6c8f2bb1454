#pragma once

#include "api/apiclient.h"
#include "api/usagecollector.h"
#include "models/requestqueue.h"

#include <QList>
#include <QObject>

/// Turns "page N of this query" into decoded pages for the table model, so that the model never
/// touches the network. It keeps at most `maxInFlight` page requests open, sends each page at
/// most once while it is in flight, and serves the most recently wanted pages first.
///
/// Every answer carries the generation it was asked in; start() begins a new one and drops the
/// old generation's answers before anyone sees them (cancelling alone is not enough: a reply may
/// already be queued).
class PageFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PageFetcher)

public:
    static constexpr int DefaultMaxInFlight = 4;

    explicit PageFetcher(ApiClient *client, QObject *parent = nullptr);
    ~PageFetcher() override;

    void setMaxInFlight(int requests) { m_pages.setMaxInFlight(requests); }
    [[nodiscard]] int maxInFlight() const { return m_pages.maxInFlight(); }

    /// Forgets queued pages, cancels every request and begins a new generation for `query`.
    quint64 start(const UsageQuery &query);
    [[nodiscard]] quint64 generation() const { return m_pages.generation(); }
    [[nodiscard]] const UsageQuery &query() const { return m_query; }

    /// Replaces the queue with `pages`, most wanted first. Pages already in flight are not sent
    /// again; pages dropped from the queue were never sent.
    void want(const QList<int> &pages);
    /// Ends every request of this generation (each one once, as abandoned) without a new one.
    void cancel();

    [[nodiscard]] bool isInFlight(int page) const { return m_pages.isInFlight(page); }
    [[nodiscard]] bool isBusy() const;
    [[nodiscard]] int inFlightCount() const { return m_pages.inFlightCount(); }
    /// Page requests sent since construction (the whole-set collection not included).
    [[nodiscard]] quint64 requestCount() const { return m_pages.requestCount(); }

    /// Loads every page of the current query in parallel and in order (for sorting).
    void collectAll();
    [[nodiscard]] bool isCollecting() const { return m_collector->isRunning(); }
    /// One page of sessions newer than the current ones (live mode); answered by newer*().
    void fetchNewer(const UsageQuery &query);

Q_SIGNALS:
    void pageReady(quint64 generation, int page, const UsagePage &data);
    void pageFailed(quint64 generation, int page, const ApiError &error);
    void pageAbandoned(quint64 generation, int page);
    void busyChanged(bool busy);

    void collectPage(quint64 generation, int page, const QList<SessionSummary> &sessions);
    void collectProgress(quint64 generation, int pagesDone, int pageCount);
    /// Sessions a recovery pass of the walk found; they belong to no page (see UsageCollector).
    void collectRecovered(quint64 generation, const QList<SessionSummary> &sessions);
    void collectFinished(quint64 generation, const CollectionSummary &summary);
    void collectFailed(quint64 generation, const ApiError &error);

    void newerReady(quint64 generation, const UsagePage &page);
    void newerFailed(quint64 generation, const ApiError &error);

private:
    ApiClient::RequestId send(int page, quint64 generation);
    void onAnswer(quint64 generation, int page, Result<UsagePage> result);
    /// Begins a new generation and ends every request of the old one (pages, the whole-set
    /// collection, the newer sessions).
    void startGeneration();
    void updateBusy();

    ApiClient *m_client;
    UsageCollector *m_collector;
    UsageQuery m_query;
    RequestQueue<int> m_pages; ///< its generation is the fetcher's
    ApiClient::RequestId m_newerRequest = 0;
    bool m_busy = false;
};
