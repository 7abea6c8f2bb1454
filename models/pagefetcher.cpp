#include "models/pagefetcher.h"

#include <memory>

PageFetcher::PageFetcher(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_collector(new UsageCollector(client, this))
    , m_pages(client, DefaultMaxInFlight,
              [this](int page, quint64 generation) { return send(page, generation); })
{
    m_collector->setMaxInFlight(DefaultMaxInFlight);
    // The collector is cancelled whenever a generation starts, so whatever it still reports
    // belongs to the current one.
    connect(m_collector, &UsageCollector::pageReady, this,
            [this](int page, const QList<SessionSummary> &sessions) {
                Q_EMIT collectPage(m_pages.generation(), page, sessions);
            });
    connect(m_collector, &UsageCollector::recovered, this,
            [this](const QList<SessionSummary> &sessions) {
                Q_EMIT collectRecovered(m_pages.generation(), sessions);
            });
    connect(m_collector, &UsageCollector::progress, this, [this](int done, int count) {
        Q_EMIT collectProgress(m_pages.generation(), done, count);
    });
    connect(m_collector, &UsageCollector::finished, this, [this](const CollectionSummary &summary) {
        Q_EMIT collectFinished(m_pages.generation(), summary);
        updateBusy();
    });
    connect(m_collector, &UsageCollector::failed, this, [this](const ApiError &error) {
        Q_EMIT collectFailed(m_pages.generation(), error);
        updateBusy();
    });
}

PageFetcher::~PageFetcher()
{
    startGeneration();
}

quint64 PageFetcher::start(const UsageQuery &query)
{
    // A new generation first: the cancellations answer synchronously and must find it stale.
    startGeneration();
    m_query = query;
    updateBusy();
    return m_pages.generation();
}

void PageFetcher::want(const QList<int> &pages)
{
    QList<int> valid;
    valid.reserve(pages.size());
    for (const int page : pages) {
        if (page >= 1)
            valid.append(page);
    }
    m_pages.replace(valid);
    updateBusy();
}

void PageFetcher::cancel()
{
    // Each cancelled request answers once, as abandoned, through onAnswer().
    m_pages.cancel();
    m_collector->cancel();
    if (m_newerRequest)
        m_client->cancel(m_newerRequest);
    updateBusy();
}

bool PageFetcher::isBusy() const
{
    return !m_pages.isIdle() || m_collector->isRunning() || m_newerRequest != 0;
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
    const quint64 generation = m_pages.generation();
    auto done = std::make_shared<bool>(false);
    const auto id =
        m_client->fetchUsage(query, this, [this, generation, done](Result<UsagePage> result) {
            *done = true;
            if (!m_pages.isCurrent(generation))
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

ApiClient::RequestId PageFetcher::send(int page, quint64 generation)
{
    return m_client->fetchUsage(m_query.atPage(page), this,
                                [this, generation, page](Result<UsagePage> r) {
                                    onAnswer(generation, page, std::move(r));
                                });
}

void PageFetcher::onAnswer(quint64 generation, int page, Result<UsagePage> result)
{
    if (!m_pages.finish(generation, page))
        return; // start() already forgot this request
    if (result)
        Q_EMIT pageReady(generation, page, result.value());
    else if (result.error().kind == ApiError::Kind::Cancelled)
        Q_EMIT pageAbandoned(generation, page);
    else
        Q_EMIT pageFailed(generation, page, result.error());
    if (m_pages.isCurrent(generation))
        m_pages.pump();
    updateBusy();
}

void PageFetcher::startGeneration()
{
    m_pages.reset();
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
