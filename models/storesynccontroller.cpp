#include "models/storesynccontroller.h"
#include "models/storebrowser.h"
#include "store/sessionstore.h"
#include "store/storesync.h"

#include <QLocale>
#include <QTimer>
#include <QUrlQuery>

StoreSyncController::StoreSyncController(ApiClient *client, StoreBrowser *browser, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_browser(browser)
{}

StoreSyncController::~StoreSyncController()
{
    delete m_sync; // before the store it writes
}

void StoreSyncController::start()
{
    if (isRunning())
        return;
    if (!m_browser->isOpen())
        return end(false, tr("No store is open: File ▸ Open store… first."));
    StoreLocation location;
    QString error;
    if (!StoreLocation::parse(m_browser->argument(), &location, &error))
        return end(false, error);
    m_store = std::make_unique<SessionStore>();
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
    m_sync = new StoreSync(m_client, m_store.get(), this);
    connect(m_sync, &StoreSync::progress, this, [this](const StoreSyncProgress &p) {
        Q_EMIT progress(p.pagesDone, p.pageCount, p.sessionsWritten, p.elapsedMs);
    });
    connect(m_sync, &StoreSync::finished, this, &StoreSyncController::onFinished);
    Q_EMIT started();
    m_sync->start(query);
}

void StoreSyncController::cancel()
{
    if (m_sync)
        m_sync->stop();
}

void StoreSyncController::onFinished(const StoreSyncOutcome &outcome)
{
    switch (outcome.kind) {
    case StoreSyncOutcome::Kind::Done:
        return end(true, tr("Synced: %1 new, %2 updated; the store holds %Ln session(s).", nullptr,
                            int(outcome.sessionsStored))
                             .arg(QLocale().toString(outcome.inserted),
                                  QLocale().toString(outcome.updated)));
    case StoreSyncOutcome::Kind::Stopped:
        return end(false, tr("Sync stopped: the pages written are kept; the next Sync asks "
                             "for the rest."));
    case StoreSyncOutcome::Kind::ApiFailed:
        return end(false, tr("Sync failed: %1").arg(outcome.apiError.toDisplayString()));
    case StoreSyncOutcome::Kind::LocalFailed:
    case StoreSyncOutcome::Kind::OtherFilter:
        return end(false, tr("Sync failed: %1").arg(outcome.message));
    }
}

void StoreSyncController::end(bool ok, const QString &message)
{
    if (m_sync) {
        // Still inside the sync's own signal: it goes on the next turn of the event loop,
        // before the store it writes (its prepared statements use the store's connection).
        m_sync->disconnect(this);
        StoreSync *sync = m_sync;
        m_sync = nullptr;
        std::shared_ptr<SessionStore> store(m_store.release());
        QTimer::singleShot(0, this, [sync, store]() mutable {
            delete sync;
            store.reset();
        });
    } else {
        m_store.reset();
    }
    // What was committed shows, whether the run ended whole or not.
    if (m_browser->isOpen()) {
        m_browser->model()->refresh();
        m_browser->readLastSync();
    }
    Q_EMIT finished(ok, message);
}
