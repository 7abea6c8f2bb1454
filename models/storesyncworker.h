#pragma once

#include "store/storelocation.h"

#include <QObject>

#include <functional>
#include <memory>

class ApiClient;
class SessionStore;
class StoreSync;
struct StoreSyncOutcome;
struct StoreSyncProgress;

/// The window's sync, on a thread of its own: the client it builds there, the store it opens
/// there as a writer and the sync engine (StoreSync) all live and die on that thread, so that
/// neither a page's transaction nor the replies' handling ever waits on the window's thread.
/// StoreSyncController drives it by queued calls and hears it by queued signals; every call
/// and signal carries the run's number, so that a call meant for an earlier run does nothing.
class StoreSyncWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreSyncWorker)

public:
    /// Builds a client on the thread that calls it, with a network manager of that thread, and
    /// returns it owning that manager. Null when there is no connection to build one from.
    using ClientBuilder = std::function<std::unique_ptr<ApiClient>()>;

    explicit StoreSyncWorker(QObject *parent = nullptr);
    /// Lets go of a run as release() does. Destroyed from another thread, it must have been
    /// released on its own first: the store's connection and the client are that thread's.
    ~StoreSyncWorker() override;

    /// Ends with ended(run, …), also when the store does not open or the client is not built.
    void run(quint64 run, const StoreLocation &location, const ClientBuilder &buildClient);
    /// Stops `run` if it is the one going (ended() then says it was stopped).
    void stop(quint64 run);
    /// Drops the run going, if any, without a word: for a controller going away.
    void release();

Q_SIGNALS:
    void progress(quint64 run, int pagesDone, int pageCount, qint64 sessionsWritten,
                  qint64 elapsedMs);
    /// Sent once the store is closed again, so that another sync may open it at once.
    void ended(quint64 run, bool ok, const QString &message);

private:
    void onFinished(const StoreSyncOutcome &outcome);
    void end(bool ok, const QString &message);

    quint64 m_run = 0;
    // Destroyed from the last up: the sync first, as it uses the store and the client.
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<SessionStore> m_store;
    std::unique_ptr<StoreSync> m_sync;
};
