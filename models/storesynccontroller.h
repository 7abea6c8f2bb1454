#pragma once

#include <QObject>

#include <memory>

class ApiClient;
class SessionStore;
class StoreBrowser;
class StoreSync;
struct StoreSyncOutcome;

/// The window's Sync: brings the open store up to date from the API through the window's own
/// client, with the store's sync engine (StoreSync), for the filter the store is kept for
/// (everything when it was never synced). It opens the store as a writer for the run only, so
/// that a `sessionscope sync` running elsewhere is refused with a message rather than mixed
/// in; when it ends the browser reads the table, totals and time of the last sync again.
class StoreSyncController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreSyncController)

public:
    StoreSyncController(ApiClient *client, StoreBrowser *browser, QObject *parent = nullptr);
    ~StoreSyncController() override;

    [[nodiscard]] bool isRunning() const { return m_sync != nullptr; }

public Q_SLOTS:
    /// Ends with finished(); at once when no store is open or it cannot be written.
    void start();
    /// Stops the run: what is committed stays, and the next Sync asks for the rest.
    void cancel();

Q_SIGNALS:
    void started();
    /// Pages done of the walk's count (0 until known), sessions written, milliseconds so far.
    void progress(int pagesDone, int pageCount, qint64 sessionsWritten, qint64 elapsedMs);
    /// A sentence for the status bar: what the run did, or why it failed.
    void finished(bool ok, const QString &message);

private:
    void onFinished(const StoreSyncOutcome &outcome);
    void end(bool ok, const QString &message);

    ApiClient *m_client;
    StoreBrowser *m_browser;
    std::unique_ptr<SessionStore> m_store;
    StoreSync *m_sync = nullptr;
};
