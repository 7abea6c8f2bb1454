#include "models/storebrowser.h"

StoreBrowser::StoreBrowser(QObject *parent)
    : QObject(parent)
{
    connect(&m_reader, &StoreReader::opened, this,
            [this](quint64 ticket, bool ok, const QString &error) {
                if (ticket != m_openTicket)
                    return;
                Q_EMIT opened(ok, error);
                if (!ok)
                    return;
                m_model.refresh();
                readLastSync();
            });
    connect(&m_reader, &StoreReader::sessionReady, this,
            [this](quint64 ticket, const StoreSessionDetail &session) {
                if (ticket == m_sessionTicket)
                    Q_EMIT sessionLoaded(session, m_cue);
            });
    connect(&m_reader, &StoreReader::searchReady, this,
            [this](quint64 ticket, const QList<TranscriptHit> &hits) {
                if (ticket == m_searchTicket)
                    Q_EMIT searchFinished(m_searchText, hits);
            });
    connect(&m_reader, &StoreReader::lastSyncReady, this, [this](quint64 ticket, qint64 micros) {
        if (ticket == m_syncTicket)
            Q_EMIT lastSyncRead(micros);
    });
    connect(&m_reader, &StoreReader::reviewSaved, this,
            [this](quint64 ticket, const QString &sessionId) {
                if (m_reviewTickets.remove(ticket))
                    Q_EMIT reviewSaved(sessionId);
            });
    connect(&m_reader, &StoreReader::failed, this, &StoreBrowser::onFailed);
}

StoreBrowser::~StoreBrowser() = default;

void StoreBrowser::open(const QString &argument)
{
    StoreLocation location;
    QString error;
    m_argument = argument;
    if (!StoreLocation::parse(argument, &location, &error)) {
        m_openTicket = 0;
        Q_EMIT opened(false, error);
        return;
    }
    m_openTicket = m_reader.open(location);
}

void StoreBrowser::openSession(const QString &sessionId, double cueSeconds)
{
    m_sessionId = sessionId;
    m_cue = cueSeconds;
    m_sessionTicket = m_reader.loadSession(sessionId);
}

void StoreBrowser::search(const QString &text, const UsageQuery &filter)
{
    m_searchText = text;
    m_searchTicket = m_reader.search(text, filter, SearchLimit);
}

void StoreBrowser::addTag(const QString &sessionId, const QString &tag)
{
    m_reviewTickets.insert(m_reader.addTags(sessionId, {tag}));
}

void StoreBrowser::removeTag(const QString &sessionId, const QString &tag)
{
    m_reviewTickets.insert(m_reader.removeTags(sessionId, {tag}));
}

void StoreBrowser::setNote(const QString &sessionId, const QString &text)
{
    m_reviewTickets.insert(m_reader.setNote(sessionId, text));
}

void StoreBrowser::readLastSync()
{
    m_syncTicket = m_reader.readLastSync();
}

void StoreBrowser::onFailed(quint64 ticket, const QString &error)
{
    if (ticket == 0)
        return;
    if (ticket == m_sessionTicket) {
        Q_EMIT sessionFailed(m_sessionId, error);
    } else if (ticket == m_searchTicket) {
        Q_EMIT searchFailed(m_searchText, error);
    } else if (m_reviewTickets.remove(ticket)) {
        Q_EMIT reviewFailed(error);
    } else if (ticket == m_syncTicket) {
        Q_EMIT lastSyncRead(-1);
    }
}
