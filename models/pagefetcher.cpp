#include "models/pagefetcher.h"

#include <memory>

PageFetcher::PageFetcher(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_collector(new UsageCollector(client, this))
{
    m_collector->setMaxInFlight(DefaultMaxInFlight);
    // The collector is cancelled whenever a generation starts, so whatever it still reports
    // belongs to the current one.
    connect(m_collector, &UsageCollector::pageReady, this,
            [this](int page, const QList<SessionSummary> &sessions) {
                Q_EMIT collectPage(m_generation.current(), page, sessions);
            });
    connect(m_collector, &UsageCollector::recovered, this,
            [this](const QList<SessionSummary> &sessions) {
                Q_EMIT collectRecovered(m_generation.current(), sessions);
            });
    connect(m_collector, &UsageCollector::progress, this, [this](int done, int count) {
        Q_EMIT collectProgress(m_generation.current(), done, count);
    });
    connect(m_collector, &UsageCollector::finished, this, [this](const CollectionSummary &summary) {
        Q_EMIT collectFinished(m_generation.current(), summary);
        updateBusy();
    });
    connect(m_collector, &UsageCollector::failed, this, [this](const ApiError &error) {
        Q_EMIT collectFailed(m_generation.current(), error);
        updateBusy();
    });
}

PageFetcher::~PageFetcher()
{
    m_generation.advance();
    m_queue.clear();
    cancelRequests();
}

quint64 PageFetcher::start(const UsageQuery &query)
{
    // Bump first: the cancellations below answer synchronously and must find a stale generation.
    m_generation.advance();
    m_query = query;
    m_queue.clear();
    cancelRequests();
    updateBusy();
    return m_generation.current();
}

void PageFetcher::want(const QList<int> &pages)
{
    m_queue.clear();
    for (const int page : pages) {
        if (page >= 1 && !m_inFlight.contains(page) && !m_queue.contains(page))
            m_queue.append(page);
    }
    pump();
    updateBusy();
}

void PageFetcher::cancel()
{
    m_queue.clear();
    // Each cancelled request answers once, as abandoned, through onAnswer().
    const auto ids = m_inFlight.values();
    for (const auto id : ids)
        m_client->cancel(id);
    m_collector->cancel();
    if (m_newerRequest)
        m_client->cancel(m_newerRequest);
    updateBusy();
}

bool PageFetcher::isBusy() const
{
    return !m_inFlight.isEmpty() || !m_queue.isEmpty() || m_collector->isRunning() ||
           m_newerRequest != 0;
}

void PageFetcher::collectAll()
{
    UsageQuery query = m_query;
    query.pageSize = UsageQuery::MaxPageSize;
    m_collector->start(query);
    updateBusy();
}

void PageFetcher::fetchNewer(const UsageQuery &query)
{
    if (m_newerRequest)
        m_client->cancel(m_newerRequest);
    const quint64 generation = m_generation.current();
    auto done = std::make_shared<bool>(false);
    const auto id =
        m_client->fetchUsage(query, this, [this, generation, done](Result<UsagePage> result) {
            *done = true;
            if (!m_generation.isCurrent(generation))
                return;
            m_newerRequest = 0;
            if (result)
                Q_EMIT newerReady(generation, result.value());
            else if (result.error().kind != ApiError::Kind::Cancelled)
                Q_EMIT newerFailed(generation, result.error());
            updateBusy();
        });
    if (!*done)
        m_newerRequest = id;
    updateBusy();
}

void PageFetcher::pump()
{
    while (int(m_inFlight.size()) < m_maxInFlight && !m_queue.isEmpty())
        send(m_queue.takeFirst());
}

void PageFetcher::send(int page)
{
    const quint64 generation = m_generation.current();
    ++m_requestCount;
    // The callback never runs before fetchUsage returns (see ApiClient), so the id is tracked
    // before the answer can untrack it.
    m_inFlight.insert(page, m_client->fetchUsage(m_query.atPage(page), this,
                                                 [this, generation, page](Result<UsagePage> r) {
                                                     onAnswer(generation, page, std::move(r));
                                                 }));
}

void PageFetcher::onAnswer(quint64 generation, int page, Result<UsagePage> result)
{
    if (!m_generation.isCurrent(generation))
        return; // start() already forgot this request
    m_inFlight.remove(page);
    if (result)
        Q_EMIT pageReady(generation, page, result.value());
    else if (result.error().kind == ApiError::Kind::Cancelled)
        Q_EMIT pageAbandoned(generation, page);
    else
        Q_EMIT pageFailed(generation, page, result.error());
    if (m_generation.isCurrent(generation))
        pump();
    updateBusy();
}

void PageFetcher::cancelRequests()
{
    const auto ids = m_inFlight.values();
    m_inFlight.clear();
    for (const auto id : ids)
        m_client->cancel(id);
    m_collector->cancel();
    if (m_newerRequest) {
        const auto id = m_newerRequest;
        m_newerRequest = 0;
        m_client->cancel(id);
    }
}

void PageFetcher::updateBusy()
{
    const bool busy = isBusy();
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}
