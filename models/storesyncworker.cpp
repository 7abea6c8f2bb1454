#include "models/storesyncworker.h"
#include "api/apiclient.h"
#include "store/sessionstore.h"
#include "store/storesync.h"

#include <QLocale>
#include <QUrlQuery>

StoreSyncWorker::StoreSyncWorker(QObject *parent)
    : QObject(parent)
{}

StoreSyncWorker::~StoreSyncWorker()
{
    release();
}

void StoreSyncWorker::run(quint64 run, const StoreLocation &location,
                          const ClientBuilder &buildClient)
{
    release();
    m_run = run;
    m_store = std::make_unique<SessionStore>();
    QString error;
    if (!m_store->open(location, SessionStore::Access::Writer, &error))
        return end(false, tr("Sync not started: %1").arg(error));
    // The store is kept for one filter; a sync asks for that one.
    UsageQuery query;
    const std::optional<SyncState> state = m_store->syncState(&error);
    if (!error.isEmpty())
        return end(false, tr("Sync not started: %1").arg(error));
    if (state) {
        const QUrlQuery kept(state->filter);
        query.characterSlug =
            kept.queryItemValue(QStringLiteral("character_slug"), QUrl::FullyDecoded);
        query.tenantId = kept.queryItemValue(QStringLiteral("tenant_id"), QUrl::FullyDecoded);
    }
    m_client = buildClient ? buildClient() : nullptr;
    if (!m_client)
        return end(false, tr("Sync not started: the window is not connected."));
    // Each session's JSON as the server sent it goes into the store, unknown fields included,
    // as `sessionscope sync` keeps it.
    m_client->setKeepSessionJson(true);
    m_sync = std::make_unique<StoreSync>(m_client.get(), m_store.get());
    connect(m_sync.get(), &StoreSync::progress, this, [this](const StoreSyncProgress &p) {
        Q_EMIT progress(m_run, p.pagesDone, p.pageCount, p.sessionsWritten, p.elapsedMs);
    });
    connect(m_sync.get(), &StoreSync::finished, this, &StoreSyncWorker::onFinished);
    m_sync->start(query);
}

void StoreSyncWorker::stop(quint64 run)
{
    if (run == m_run && m_sync && m_sync->isRunning())
        m_sync->stop();
}

void StoreSyncWorker::release()
{
    if (m_sync)
        m_sync->disconnect(this);
    m_sync.reset(); // before the store and the client it uses
    m_store.reset();
    m_client.reset();
}

void StoreSyncWorker::onFinished(const StoreSyncOutcome &outcome)
{
    QString message;
    bool ok = false;
    switch (outcome.kind) {
    case StoreSyncOutcome::Kind::Done:
        ok = true;
        message =
            tr("Synced: %1 new, %2 updated; the store holds %Ln session(s).", nullptr,
               int(outcome.sessionsStored))
                .arg(QLocale().toString(outcome.inserted), QLocale().toString(outcome.updated));
        break;
    case StoreSyncOutcome::Kind::Stopped:
        message = tr("Sync stopped: the pages written are kept; the next Sync asks for the rest.");
        break;
    case StoreSyncOutcome::Kind::ApiFailed:
        // A 401 says so here ("sign in again"): the run used the credentials of its start.
        message = tr("Sync failed: %1").arg(outcome.apiError.toDisplayString());
        break;
    case StoreSyncOutcome::Kind::LocalFailed:
    case StoreSyncOutcome::Kind::OtherFilter:
        message = tr("Sync failed: %1").arg(outcome.message);
        break;
    }
    // Still inside the sync's own signal: it is destroyed on the next turn of this thread's
    // event loop, then the store and the client.
    m_sync->disconnect(this);
    QMetaObject::invokeMethod(
        this, [this, ok, message] { end(ok, message); }, Qt::QueuedConnection);
}

void StoreSyncWorker::end(bool ok, const QString &message)
{
    release();
    Q_EMIT ended(m_run, ok, message);
}
