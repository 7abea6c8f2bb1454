#pragma once

#include "models/storesyncworker.h"

#include <QObject>
#include <QThread>

class StoreBrowser;

/// The window's Sync: brings the open store up to date from the API, with the store's sync
/// engine (StoreSync), for the filter the store is kept for (everything when it was never
/// synced). The run goes on a thread of its own (StoreSyncWorker) with a client of its own,
/// built there with the window's connection as it is when the run starts, so that the window
/// stays responsive through tens of thousands of sessions. It opens the store as a writer for
/// the run only, so that a `sessionscope sync` running elsewhere is refused with a message
/// rather than mixed in; when it ends the browser reads the table, totals and time of the last
/// sync again.
///
/// Credentials are those of the start: a token the window renews later is not seen by a run
/// already going (the window renews a token an hour before it expires, so a run started with
/// a valid one keeps it), and a 401 ends the run with the server's reason.
class StoreSyncController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreSyncController)

public:
    using ClientBuilder = StoreSyncWorker::ClientBuilder;
    /// Called on the window's thread as each run starts: it copies the window's connection
    /// (server, credentials, timeouts, certificate authorities, proxy) as values and returns
    /// the builder the run calls on its own thread. Building a network manager is app/'s job,
    /// not the models'.
    using ClientSource = std::function<ClientBuilder()>;

    StoreSyncController(ClientSource clientSource, StoreBrowser *browser,
                        QObject *parent = nullptr);
    /// Stops a run that is going and waits for its thread: what it committed stays.
    ~StoreSyncController() override;

    [[nodiscard]] bool isRunning() const { return m_running; }
    /// The thread runs go on (for tests that check where the work happens).
    [[nodiscard]] const QThread *workerThread() const { return &m_thread; }

public Q_SLOTS:
    /// Ends with finished(); at once when no store is open.
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
    void onEnded(quint64 run, bool ok, const QString &message);
    void end(bool ok, const QString &message);

    ClientSource m_clientSource;
    StoreBrowser *m_browser;
    QThread m_thread;
    StoreSyncWorker *m_worker; ///< lives on m_thread
    quint64 m_run = 0;         ///< the number of the latest run; answers of others are dropped
    bool m_running = false;
};
