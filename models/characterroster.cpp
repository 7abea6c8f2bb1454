#include "models/characterroster.h"
#include "api/apiclient.h"
#include "api/usagecollector.h"

#include <algorithm>

CharacterRoster::CharacterRoster(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

CharacterRoster::~CharacterRoster() = default;

void CharacterRoster::setSavedSlugs(const QStringList &slugs)
{
    m_saved = slugs;
    add(slugs);
}

void CharacterRoster::addSeenSlugs(const QStringList &slugs)
{
    add(slugs);
}

QStringList CharacterRoster::slugs() const
{
    return m_known;
}

void CharacterRoster::add(const QStringList &slugs)
{
    bool grew = false;
    for (const QString &slug : slugs) {
        if (slug.isEmpty())
            continue;
        const auto at = std::lower_bound(m_known.begin(), m_known.end(), slug);
        if (at != m_known.end() && *at == slug)
            continue;
        m_known.insert(at, slug);
        grew = true;
    }
    if (grew)
        Q_EMIT changed();
}

void CharacterRoster::discover(const UsageQuery &range)
{
    ++m_generation;
    if (m_scan)
        m_scan->deleteLater();
    m_range = range;
    m_range.characterSlug.clear();
    m_discovering = true;
    const ApiCredentials credentials = m_client->credentials();
    // The character list is a signed-in user's endpoint: an API key alone does not reach it.
    if (credentials.apiKey.isEmpty() && !credentials.accessToken.isEmpty()) {
        const quint64 generation = m_generation;
        m_client->fetchCharacters(this, [this, generation](Result<QList<CharacterInfo>> result) {
            if (generation != m_generation)
                return;
            if (result) {
                QStringList found;
                for (const CharacterInfo &c : result.value()) {
                    found.append(c.slug);
                    if (!c.name.isEmpty())
                        m_names.insert(c.slug, c.name);
                }
                add(found);
                if (!found.isEmpty())
                    Q_EMIT changed(); // names may be new even when the slugs were not
            }
            // A failed list is not fatal: the other sources still count.
            scanSessions();
        });
        return;
    }
    scanSessions();
}

void CharacterRoster::scanSessions()
{
    if (!m_known.isEmpty()) {
        endDiscovery();
        return;
    }
    // Nothing knows any character: read the range once, at the largest page size, keeping only
    // the slugs.
    auto *scan = new UsageCollector(m_client, this);
    m_scan = scan;
    const quint64 generation = m_generation;
    const auto take = [this, generation](const QList<SessionSummary> &sessions) {
        if (generation != m_generation)
            return;
        QStringList found;
        for (const SessionSummary &s : sessions)
            found.append(s.characterSlug);
        add(found);
    };
    connect(scan, &UsageCollector::pageReady, this,
            [take](int, const QList<SessionSummary> &sessions) { take(sessions); });
    connect(scan, &UsageCollector::recovered, this, take);
    const auto done = [this, scan, generation] {
        scan->deleteLater();
        if (generation == m_generation)
            endDiscovery();
    };
    connect(scan, &UsageCollector::finished, this, done);
    connect(scan, &UsageCollector::failed, this, done);
    UsageQuery query = m_range;
    query.pageSize = UsageQuery::MaxPageSize;
    scan->start(query);
}

void CharacterRoster::endDiscovery()
{
    m_discovering = false;
    Q_EMIT discoveryFinished();
}
