#include "usagecollector.h"

#include <QDateTime>

#include <climits>
#include <utility>

UsageCollector::UsageCollector(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

UsageCollector::~UsageCollector()
{
    cancel();
}

void UsageCollector::setDirectConnections(int connections)
{
    m_directConnections = qMax(0, connections);
    if (m_reader && m_reader->connections() != m_directConnections) {
        takeBackDirectPages();
        releaseReader();
    }
    if (m_directConnections == 0)
        m_useDirect = false;
    if (m_running)
        fillWindow();
}

void UsageCollector::takeBackDirectPages()
{
    if (m_reader)
        m_reader->cancelAll();
    m_toRequest.insert(m_directPages.cbegin(), m_directPages.cend());
    m_directPages.clear();
}

int UsageCollector::pagesAhead() const
{
    return m_useDirect ? qMax(m_maxInFlight, m_directConnections * QueuedPagesPerConnection)
                       : m_maxInFlight;
}

void UsageCollector::start(const UsageQuery &query)
{
    cancel();
    ++m_generation;
    m_query = query;
    if (!m_query.range.endMicros)
        m_query.range.endMicros = QDateTime::currentMSecsSinceEpoch() * 1000;
    m_running = true;
    m_pageCount = 0;
    m_nextToRequest = 1;
    m_nextToDeliver = 1;
    m_waiting.clear();
    m_seen.clear();
    m_summary = {};
    m_useDirect = m_directConnections > 0;
    requestPage(m_nextToRequest++);
}

void UsageCollector::cancel()
{
    ++m_generation;
    dropDirectReads();
    const auto ids = m_inFlight;
    m_inFlight.clear();
    for (const auto id : ids)
        m_client->cancel(id);
    m_waiting.clear();
    m_running = false;
}

void UsageCollector::dropDirectReads()
{
    takeBackDirectPages();
    m_toRequest.clear();
}

void UsageCollector::requestPage(int page)
{
    if (m_useDirect) {
        if (auto direct = m_client->directUsageRequest(m_query.atPage(page))) {
            if (!m_reader) {
                m_reader = std::make_unique<ParallelPageReader>(m_directConnections);
                connect(m_reader.get(), &ParallelPageReader::pageRead, this,
                        &UsageCollector::onDirectPage);
                connect(m_reader.get(), &ParallelPageReader::pageUnreadable, this,
                        [this](int p) { onDirectFailure(p); });
            }
            m_directPages.insert(page);
            m_reader->read(page, std::move(*direct));
            return;
        }
        m_useDirect = false;
    }
    requestPageFromClient(page);
}

void UsageCollector::onDirectPage(int page, const Result<UsagePage> &result)
{
    if (!m_directPages.remove(page))
        return;
    if (result)
        ++m_summary.pagesReadDirectly;
    onPage(m_generation, page, result);
}

void UsageCollector::onDirectFailure(int page)
{
    if (!m_directPages.contains(page) || !m_running)
        return;
    // Whatever it was (no answer, a 429, a 5xx, a 401) is for ApiClient to retry and report,
    // and a server in trouble should not get more than maxInFlight requests at a time: this
    // page, those still queued and the rest of the walk go through ApiClient.
    m_useDirect = false;
    takeBackDirectPages();
    fillWindow();
}

void UsageCollector::requestPageFromClient(int page)
{
    const quint64 generation = m_generation;
    // The id is known only after fetchUsage returns, and the callback may not run before then.
    auto id = std::make_shared<ApiClient::RequestId>(0);
    *id = m_client->fetchUsage(m_query.atPage(page), this,
                               [this, generation, page, id](Result<UsagePage> result) {
                                   m_inFlight.remove(*id);
                                   onPage(generation, page, std::move(result));
                               });
    m_inFlight.insert(*id);
}

void UsageCollector::onPage(quint64 generation, int page, Result<UsagePage> result)
{
    if (generation != m_generation || !m_running)
        return;
    if (!result) {
        // An empty result set has no page 1 to speak of; a 404 there is not an error.
        if (page == 1 && result.error().kind == ApiError::Kind::NotFound) {
            m_running = false;
            Q_EMIT started({}, 0, 0);
            Q_EMIT finished(m_summary);
            return;
        }
        if (page > 1 && result.error().kind == ApiError::Kind::NotFound) {
            // The count promised more pages than the server has: deliver what exists and let
            // the summary say that the figures disagree. Pages past this one cannot exist
            // either, so the walk ends here however large the count claimed to be.
            m_pageCount = qMin(m_pageCount, page - 1);
            m_waiting.erase(m_waiting.upper_bound(m_pageCount), m_waiting.end());
            m_toRequest.erase(m_toRequest.upper_bound(m_pageCount), m_toRequest.end());
            deliverReady();
            if (m_running)
                fillWindow();
            return;
        }
        fail(result.error());
        return;
    }
    UsagePage &data = result.value();
    if (page == 1) {
        m_summary.serverTotals = data.totals;
        m_summary.serverCount = data.count;
        const qint64 pageSize = qMax(1, qMin(m_query.pageSize, int(UsageQuery::MaxPageSize)));
        // pagination.count and total_sessions describe the same set. When they disagree, walk
        // the pages the larger one implies: pages past the real end answer 404, which ends the
        // walk, while trusting a count that is too low would drop sessions without a word.
        const qint64 expected = qMax(data.count, data.totals.sessions);
        m_pageCount =
            int(qBound(qint64(1), (expected + pageSize - 1) / pageSize, qint64(INT_MAX / 2)));
        Q_EMIT started(data.totals, data.count, m_pageCount);
    }
    m_waiting.emplace(page, std::move(data.sessions));
    deliverReady();
    if (m_running)
        fillWindow();
}

void UsageCollector::fillWindow()
{
    const int ahead = pagesAhead();
    while (!m_toRequest.empty() && inFlight() < ahead)
        requestPageFromClient(m_toRequest.extract(m_toRequest.begin()).value());
    while (m_nextToRequest <= m_pageCount && inFlight() < ahead &&
           m_nextToRequest < m_nextToDeliver + 2 * ahead)
        requestPage(m_nextToRequest++);
}

void UsageCollector::deliverReady()
{
    while (!m_waiting.empty() && m_waiting.begin()->first == m_nextToDeliver) {
        QList<SessionSummary> sessions = std::move(m_waiting.begin()->second);
        m_waiting.erase(m_waiting.begin());
        // A server whose pages shift or repeat must not produce a row twice. Repeats are rare:
        // the page is handed on as decoded, and only a page with repeats is rewritten.
        QList<qsizetype> repeats;
        for (qsizetype i = 0; i < sessions.size(); ++i) {
            const qsizetype before = m_seen.size();
            m_seen.insert(sessions.at(i).sessionId);
            if (m_seen.size() == before)
                repeats.append(i);
        }
        for (auto it = repeats.crbegin(); it != repeats.crend(); ++it)
            sessions.removeAt(*it);
        m_summary.duplicatesDropped += repeats.size();
        m_summary.delivered += sessions.size();
        ++m_summary.pages;
        const int page = m_nextToDeliver++;
        Q_EMIT pageReady(page, sessions);
        Q_EMIT progress(page, m_pageCount);
        if (!m_running)
            return; // a slot cancelled us
    }
    if (m_nextToDeliver > m_pageCount && m_pageCount > 0) {
        m_running = false;
        // Requests for pages past a shortened end are of no use any more.
        dropDirectReads();
        releaseReader();
        const auto leftovers = std::exchange(m_inFlight, {});
        for (const auto id : leftovers)
            m_client->cancel(id);
        const qint64 totalSessions = m_summary.serverTotals.sessions;
        if (m_summary.delivered != m_summary.serverCount ||
            totalSessions != m_summary.serverCount || m_summary.duplicatesDropped > 0) {
            const QString reported =
                totalSessions == m_summary.serverCount
                    ? QStringLiteral("%1 sessions").arg(m_summary.serverCount)
                    : QStringLiteral("%1 sessions in its page count and %2 in its totals")
                          .arg(m_summary.serverCount)
                          .arg(totalSessions);
            m_summary.inconsistency =
                QStringLiteral("The server reported %1; its pages held %2 distinct ones "
                               "and repeated %3, which were kept once. Totals shown are the "
                               "server's.")
                    .arg(reported)
                    .arg(m_summary.delivered)
                    .arg(m_summary.duplicatesDropped);
        }
        Q_EMIT finished(m_summary);
    }
}

void UsageCollector::fail(const ApiError &error)
{
    cancel();
    releaseReader();
    Q_EMIT failed(error);
}

void UsageCollector::releaseReader()
{
    // Its threads and connections are not kept idle between collections. Later, not now: this
    // may run inside one of the reader's own signals.
    if (m_reader)
        m_reader.release()->deleteLater();
}
