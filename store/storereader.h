#pragma once

#include "api/usagepage.h"
#include "api/usagequery.h"
#include "store/storelocation.h"
#include "store/storesessionquery.h"
#include "store/transcriptindex.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

class SessionStore;

/// Reads a store for the window without ever blocking it: every query runs on a thread of its
/// own, on that thread's own connection (a Qt SQL connection belongs to the thread that opened
/// it), one after another in the order asked. Each call returns a ticket at once; its answer
/// comes back as a signal carrying that ticket, so that a caller drops the answers of a
/// question it no longer asks (a new filter, a new sort).
///
/// Tickets are unique across the calls of one reader, so several models can share it.
class StoreReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreReader)

public:
    explicit StoreReader(QObject *parent = nullptr);
    /// Waits for the query that is running, if any, and closes the connection.
    ~StoreReader() override;

    /// Opens (and migrates) the store; opened() says how it went. Another store opened before
    /// is closed first.
    quint64 open(const StoreLocation &location);
    [[nodiscard]] bool isOpen() const { return m_open; }
    [[nodiscard]] const StoreLocation &location() const { return m_location; }

    quint64 fetchRows(const StoreSessionQuery &query);
    quint64 fetchTotals(const StoreSessionFilter &filter);
    quint64 search(const QString &text, const UsageQuery &filter, int limit);
    quint64 loadSession(const QString &sessionId);
    /// The time of the last whole sync (lastSyncReady, -1 when never synced).
    quint64 readLastSync();
    quint64 addTags(const QString &sessionId, const QStringList &tags);
    quint64 removeTags(const QString &sessionId, const QStringList &tags);
    /// An empty text removes the note.
    quint64 setNote(const QString &sessionId, const QString &text);

Q_SIGNALS:
    void opened(quint64 ticket, bool ok, const QString &error);
    void rowsReady(quint64 ticket, const QList<SessionSummary> &rows);
    void totalsReady(quint64 ticket, const UsageTotals &totals);
    void searchReady(quint64 ticket, const QList<TranscriptHit> &hits);
    void sessionReady(quint64 ticket, const StoreSessionDetail &session);
    void lastSyncReady(quint64 ticket, qint64 micros);
    /// A tag or note change was committed.
    void reviewSaved(quint64 ticket, const QString &sessionId);
    void failed(quint64 ticket, const QString &error);

private:
    /// Runs `job` on the worker thread with the open store (never null there once opened).
    quint64 submit(std::function<void(quint64 ticket, SessionStore *store)> job);

    QThread m_thread;
    QObject *m_context;                    ///< lives on m_thread: queued jobs run there
    std::unique_ptr<SessionStore> m_store; ///< touched on m_thread only
    quint64 m_nextTicket = 0;
    StoreLocation m_location;
    bool m_open = false;
};
