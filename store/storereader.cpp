#include "store/storereader.h"
#include "store/reviewstore.h"
#include "store/sessionstore.h"

StoreReader::StoreReader(QObject *parent)
    : QObject(parent)
    , m_context(new QObject)
{
    m_thread.setObjectName(QStringLiteral("store reader"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
    // The connection's own state in the window's thread: set when the answer arrives.
    connect(this, &StoreReader::opened, this,
            [this](quint64, bool ok, const QString &) { m_open = ok; });
}

StoreReader::~StoreReader()
{
    // The connection is closed on the thread that opened it, after what is queued before.
    QMetaObject::invokeMethod(
        m_context, [this] { m_store.reset(); }, Qt::QueuedConnection);
    QMetaObject::invokeMethod(
        m_context, [this] { m_thread.quit(); }, Qt::QueuedConnection);
    m_thread.wait();
    delete m_context;
}

quint64 StoreReader::submit(std::function<void(quint64, SessionStore *)> job)
{
    const quint64 ticket = ++m_nextTicket;
    QMetaObject::invokeMethod(
        m_context,
        [this, ticket, job = std::move(job)] {
            if (!m_store || !m_store->isOpen()) {
                Q_EMIT failed(ticket, tr("No store is open."));
                return;
            }
            job(ticket, m_store.get());
        },
        Qt::QueuedConnection);
    return ticket;
}

quint64 StoreReader::open(const StoreLocation &location)
{
    const quint64 ticket = ++m_nextTicket;
    m_location = location;
    m_open = false;
    QMetaObject::invokeMethod(
        m_context,
        [this, ticket, location] {
            m_store.reset();
            auto store = std::make_unique<SessionStore>();
            QString error;
            if (!store->open(location, SessionStore::Access::Reader, &error)) {
                Q_EMIT opened(ticket, false, error);
                return;
            }
            m_store = std::move(store);
            Q_EMIT opened(ticket, true, QString());
        },
        Qt::QueuedConnection);
    return ticket;
}

quint64 StoreReader::fetchRows(const StoreSessionQuery &query)
{
    return submit([this, query](quint64 ticket, SessionStore *store) {
        QList<SessionSummary> rows;
        QString error;
        if (query.fetch(*store, &rows, &error))
            Q_EMIT rowsReady(ticket, rows);
        else
            Q_EMIT failed(ticket, error);
    });
}

quint64 StoreReader::fetchTotals(const StoreSessionFilter &filter)
{
    return submit([this, filter](quint64 ticket, SessionStore *store) {
        UsageTotals totals;
        QString error;
        if (StoreSessionQuery::totals(*store, filter, &totals, &error))
            Q_EMIT totalsReady(ticket, totals);
        else
            Q_EMIT failed(ticket, error);
    });
}

quint64 StoreReader::search(const QString &text, const UsageQuery &filter, int limit)
{
    return submit([this, text, filter, limit](quint64 ticket, SessionStore *store) {
        QList<TranscriptHit> hits;
        QString error;
        if (TranscriptIndex::search(*store, text, filter, limit, &hits, &error))
            Q_EMIT searchReady(ticket, hits);
        else
            Q_EMIT failed(ticket, error);
    });
}

quint64 StoreReader::loadSession(const QString &sessionId)
{
    return submit([this, sessionId](quint64 ticket, SessionStore *store) {
        StoreSessionDetail session;
        QString error;
        if (StoreSessionDetail::load(*store, sessionId, &session, &error))
            Q_EMIT sessionReady(ticket, session);
        else
            Q_EMIT failed(ticket, error);
    });
}

quint64 StoreReader::readLastSync()
{
    return submit([this](quint64 ticket, SessionStore *store) {
        QString error;
        const std::optional<SyncState> state = store->syncState(&error);
        if (!error.isEmpty()) {
            Q_EMIT failed(ticket, error);
            return;
        }
        Q_EMIT lastSyncReady(ticket, state && state->lastSyncMicros ? *state->lastSyncMicros : -1);
    });
}

quint64 StoreReader::addTags(const QString &sessionId, const QStringList &tags)
{
    return submit([this, sessionId, tags](quint64 ticket, SessionStore *store) {
        QString error;
        if (ReviewStore::addTags(*store, sessionId, tags, &error))
            Q_EMIT reviewSaved(ticket, sessionId);
        else
            Q_EMIT failed(ticket, error);
    });
}

quint64 StoreReader::removeTags(const QString &sessionId, const QStringList &tags)
{
    return submit([this, sessionId, tags](quint64 ticket, SessionStore *store) {
        QString error;
        if (ReviewStore::removeTags(*store, sessionId, tags, &error))
            Q_EMIT reviewSaved(ticket, sessionId);
        else
            Q_EMIT failed(ticket, error);
    });
}

quint64 StoreReader::setNote(const QString &sessionId, const QString &text)
{
    return submit([this, sessionId, text](quint64 ticket, SessionStore *store) {
        QString error;
        if (ReviewStore::setNote(*store, sessionId, text, &error))
            Q_EMIT reviewSaved(ticket, sessionId);
        else
            Q_EMIT failed(ticket, error);
    });
}
