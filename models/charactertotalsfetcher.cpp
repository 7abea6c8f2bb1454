#include "models/charactertotalsfetcher.h"
#include "api/apiclient.h"

CharacterTotalsFetcher::CharacterTotalsFetcher(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_slugs(client, DefaultMaxInFlight,
              [this](const QString &slug, quint64 generation) { return send(slug, generation); })
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
    return m_slugs.generation();
}

void CharacterTotalsFetcher::cancel()
{
    // A new generation, so the Cancelled answers are already stale.
    m_slugs.reset();
}

void CharacterTotalsFetcher::fetch(const QStringList &slugs)
{
    QStringList named;
    for (const QString &slug : slugs) {
        if (!slug.isEmpty())
            named.append(slug);
    }
    m_slugs.append(named);
}

quint64 CharacterTotalsFetcher::send(const QString &slug, quint64 generation)
{
    UsageQuery query = m_filter;
    query.characterSlug = slug;
    return m_client->fetchUsage(query, this, [this, generation, slug](Result<UsagePage> result) {
        onAnswer(generation, slug, std::move(result));
    });
}

void CharacterTotalsFetcher::onAnswer(quint64 generation, const QString &slug,
                                      Result<UsagePage> result)
{
    if (!m_slugs.finish(generation, slug))
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
    if (!m_slugs.isCurrent(generation))
        return; // a listener started over
    m_slugs.pump();
    if (!isBusy())
        Q_EMIT idle(generation);
}
