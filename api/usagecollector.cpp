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
    requestPage(m_nextToRequest++);
}

void UsageCollector::cancel()
{
    ++m_generation;
    const auto ids = m_inFlight;
    m_inFlight.clear();
    for (const auto id : ids)
        m_client->cancel(id);
    m_waiting.clear();
    m_running = false;
}

void UsageCollector::requestPage(int page)
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
    const int window = 2 * m_maxInFlight;
    while (m_nextToRequest <= m_pageCount && int(m_inFlight.size()) < m_maxInFlight &&
           m_nextToRequest < m_nextToDeliver + window)
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
    Q_EMIT failed(error);
}
