#include "models/charactertotalsfetcher.h"
#include "api/apiclient.h"

#include <memory>

CharacterTotalsFetcher::CharacterTotalsFetcher(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

CharacterTotalsFetcher::~CharacterTotalsFetcher()
{
    cancel();
}

quint64 CharacterTotalsFetcher::start(const UsageQuery &filter)
{
    cancel();
    m_filter = filter;
    m_filter.page = 1;
    m_filter.pageSize = 1;
    m_filter.characterSlug.clear();
    return m_generation.current();
}

void CharacterTotalsFetcher::cancel()
{
    // The generation moves first, so the Cancelled answers below are already stale.
    m_generation.advance();
    m_queue.clear();
    const auto requests = std::exchange(m_inFlight, {});
    for (const auto id : requests)
        m_client->cancel(id);
}

void CharacterTotalsFetcher::fetch(const QStringList &slugs)
{
    for (const QString &slug : slugs) {
        if (!slug.isEmpty() && !m_queue.contains(slug) && !m_inFlight.contains(slug))
            m_queue.append(slug);
    }
    pump();
}

void CharacterTotalsFetcher::pump()
{
    while (!m_queue.isEmpty() && m_inFlight.size() < m_maxInFlight) {
        const QString slug = m_queue.takeFirst();
        UsageQuery query = m_filter;
        query.characterSlug = slug;
        const quint64 generation = m_generation.current();
        ++m_requestCount;
        // The callback never runs before fetchUsage returns (see ApiClient).
        auto id = std::make_shared<ApiClient::RequestId>(0);
        *id = m_client->fetchUsage(query, this,
                                   [this, generation, slug, id](Result<UsagePage> result) {
                                       if (m_inFlight.value(slug) == *id)
                                           m_inFlight.remove(slug);
                                       onAnswer(generation, slug, std::move(result));
                                   });
        m_inFlight.insert(slug, *id);
    }
}

void CharacterTotalsFetcher::onAnswer(quint64 generation, const QString &slug,
                                      Result<UsagePage> result)
{
    if (!m_generation.isCurrent(generation))
        return;
    if (result) {
        Q_EMIT totalsReady(generation, slug, result.value().totals);
    } else if (result.error().kind == ApiError::Kind::NotFound) {
        // A character without sessions in the range may answer "Invalid page." for page 1:
        // its totals are zero, not an error.
        Q_EMIT totalsReady(generation, slug, UsageTotals{});
    } else {
        Q_EMIT totalsFailed(generation, slug, result.error());
    }
    if (!m_generation.isCurrent(generation))
        return; // a listener started over
    pump();
    if (!isBusy())
        Q_EMIT idle(generation);
}
