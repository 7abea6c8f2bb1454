#include "store/storesync.h"
#include "api/usagecollector.h"
#include "store/sessionstore.h"
#include "store/sessionwriter.h"

#include <QCoreApplication>
#include <QDateTime>

StoreSync::StoreSync(ApiClient *client, SessionStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
{}

StoreSync::~StoreSync()
{
    if (m_running) {
        m_running = false;
        if (m_collector)
            m_collector->cancel();
        if (m_revisit)
            m_client->cancel(std::exchange(m_revisit, 0));
    }
}

QString StoreSync::filterKey(const UsageQuery &query)
{
    UsageQuery filterOnly;
    filterOnly.characterSlug = query.characterSlug;
    filterOnly.tenantId = query.tenantId;
    return filterOnly.toQueryString();
}

void StoreSync::start(const UsageQuery &query, int parallel)
{
    m_running = true;
    m_outcome = {};
    m_progress = {};
    m_seen.clear();
    m_toRevisit.clear();
    m_clock.start();
    m_writer = std::make_unique<SessionWriter>(*m_store);
    m_filter = filterKey(query);
    QString error;
    const std::optional<SyncState> state = m_store->syncState(&error);
    if (!error.isEmpty())
        return finishWith(StoreSyncOutcome::Kind::LocalFailed, error);
    // A store holds one filter's sessions; mixing filters would make the mark meaningless.
    if (state && state->filter != m_filter)
        return finishWith(
            StoreSyncOutcome::Kind::OtherFilter,
            QCoreApplication::translate("StoreSync",
                                        "this database was synced with another filter (%1); "
                                        "use another database for this one.")
                .arg(state->filter.isEmpty() ? QCoreApplication::translate("StoreSync", "no filter")
                                             : state->filter));
    UsageQuery walk = query;
    walk.pageSize = UsageQuery::MaxPageSize;
    m_newest = state && state->highWaterMicros ? *state->highWaterMicros : 0;
    if (state && state->highWaterMicros &&
        (!walk.range.startMicros || *walk.range.startMicros < m_newest))
        walk.range.startMicros = m_newest;

    auto *collector = new UsageCollector(m_client, this);
    m_collector = collector;
    collector->setMaxInFlight(parallel);
    connect(collector, &UsageCollector::pageReady, this,
            [this](int, const QList<SessionSummary> &sessions) { onPage(sessions); });
    connect(collector, &UsageCollector::recovered, this, &StoreSync::onPage);
    connect(collector, &UsageCollector::progress, this, [this](int done, int total) {
        m_progress.pagesDone = done;
        m_progress.pageCount = total;
        m_progress.elapsedMs = m_clock.elapsed();
        Q_EMIT progress(m_progress);
    });
    connect(collector, &UsageCollector::recovering, this, &StoreSync::recovering);
    connect(collector, &UsageCollector::finished, this, &StoreSync::onWalked);
    connect(collector, &UsageCollector::failed, this,
            [this](const ApiError &e) { finishWith(StoreSyncOutcome::Kind::ApiFailed, {}, e); });
    collector->start(walk);
}

void StoreSync::onPage(const QList<SessionSummary> &sessions)
{
    if (!m_running)
        return;
    QString error;
    if (!m_store->begin(&error))
        return finishWith(StoreSyncOutcome::Kind::LocalFailed, error);
    qint64 inserted = 0, updated = 0, newest = m_newest;
    for (const SessionSummary &s : sessions) {
        bool isNew = false;
        if (!m_writer->upsert(s, &isNew, &error)) {
            m_store->rollback();
            return finishWith(StoreSyncOutcome::Kind::LocalFailed, error);
        }
        ++(isNew ? inserted : updated);
        newest = qMax(newest, microsFromDateTime(s.createdAt));
    }
    if (!m_store->commit(&error))
        return finishWith(StoreSyncOutcome::Kind::LocalFailed, error);
    // Counted only once committed: what the counts say is in the store is there.
    m_outcome.inserted += inserted;
    m_outcome.updated += updated;
    m_newest = newest;
    for (const SessionSummary &s : sessions)
        m_seen.insert(s.sessionId);
    m_progress.sessionsWritten += sessions.size();
    m_progress.elapsedMs = m_clock.elapsed();
    Q_EMIT progress(m_progress);
}

void StoreSync::onWalked(const CollectionSummary &summary)
{
    if (!m_running)
        return;
    m_outcome.summary = summary;
    QString error;
    const QStringList stored = m_store->inProgressSessionIds(&error);
    if (!error.isEmpty())
        return finishWith(StoreSyncOutcome::Kind::LocalFailed, error);
    for (const QString &id : stored) {
        if (!m_seen.contains(id))
            m_toRevisit.append(id);
    }
    revisitNext();
}

/// Sessions stored while in progress that the walk did not bring again, one after another.
void StoreSync::revisitNext()
{
    if (!m_running)
        return;
    if (m_toRevisit.isEmpty())
        return complete();
    const QString id = m_toRevisit.takeFirst();
    ++m_outcome.revisited;
    m_revisit = m_client->fetchSession(id, this, [this](Result<SessionSummary> result) {
        m_revisit = 0;
        if (!m_running)
            return;
        if (!result) {
            if (result.error().kind != ApiError::Kind::NotFound)
                return finishWith(StoreSyncOutcome::Kind::ApiFailed, {}, result.error());
            ++m_outcome.vanished; // the server no longer shows it; the stored row stays
            return revisitNext();
        }
        QString error;
        bool inserted = false;
        if (!m_store->begin(&error) || !m_writer->upsert(result.value(), &inserted, &error) ||
            !m_store->commit(&error)) {
            m_store->rollback();
            return finishWith(StoreSyncOutcome::Kind::LocalFailed, error);
        }
        m_outcome.nowFinalized += !result.value().inProgress();
        revisitNext();
    });
}

void StoreSync::complete()
{
    QString error;
    SyncState state;
    state.filter = m_filter;
    // The mark moves only now, past a walk that delivered the whole set.
    state.highWaterMicros = m_newest > 0 ? std::optional<qint64>(m_newest) : std::nullopt;
    state.lastSyncMicros = QDateTime::currentMSecsSinceEpoch() * 1000;
    state.lastInserted = m_outcome.inserted;
    state.lastUpdated = m_outcome.updated;
    state.lastRevisited = m_outcome.revisited;
    state.sessionsStored = m_store->sessionCount(&error);
    if (!error.isEmpty() || !m_store->begin(&error) || !m_store->saveSyncState(state, &error) ||
        !m_store->commit(&error)) {
        m_store->rollback();
        return finishWith(StoreSyncOutcome::Kind::LocalFailed, error);
    }
    m_outcome.sessionsStored = state.sessionsStored;
    finishWith(StoreSyncOutcome::Kind::Done);
}

void StoreSync::stop()
{
    if (m_running)
        finishWith(StoreSyncOutcome::Kind::Stopped);
}

void StoreSync::finishWith(StoreSyncOutcome::Kind kind, const QString &message,
                           const ApiError &error)
{
    if (!m_running)
        return;
    m_running = false;
    if (m_collector)
        m_collector->cancel();
    if (m_revisit)
        m_client->cancel(std::exchange(m_revisit, 0));
    m_outcome.kind = kind;
    m_outcome.message = message;
    m_outcome.apiError = error;
    if (kind != StoreSyncOutcome::Kind::Done) {
        QString ignored;
        m_outcome.sessionsStored = m_store->sessionCount(&ignored);
    }
    if (m_collector)
        m_collector->deleteLater();
    Q_EMIT finished(m_outcome);
}
