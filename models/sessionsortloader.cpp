#include "models/sessionsortloader.h"
#include "models/pagefetcher.h"

SessionSortLoader::SessionSortLoader(PageFetcher *fetcher, QObject *parent)
    : QObject(parent)
    , m_fetcher(fetcher)
{
    connect(fetcher, &PageFetcher::collectPage, this,
            [this](quint64 generation, int page, const QList<SessionSummary> &sessions) {
                if (generation != m_generation)
                    return;
                m_index.appendPage(page, sessions);
                Q_EMIT pageCollected(page, sessions);
            });
    // The sort index places a row by its page and position; sessions a recovery pass found have
    // neither, because rows moved between pages while the set was read.
    connect(fetcher, &PageFetcher::collectRecovered, this,
            [this](quint64 generation, const QList<SessionSummary> &) {
                if (generation == m_generation)
                    m_rowsMoved = true;
            });
    connect(fetcher, &PageFetcher::collectProgress, this,
            [this](quint64 generation, int done, int count) {
                if (generation == m_generation)
                    Q_EMIT progress(done, count);
            });
    connect(fetcher, &PageFetcher::collectFinished, this,
            [this](quint64 generation, const CollectionSummary &) { onFinished(generation); });
    connect(fetcher, &PageFetcher::collectFailed, this,
            [this](quint64 generation, const ApiError &error) {
                if (generation == m_generation)
                    onFailed(error);
            });
}

SessionSortLoader::~SessionSortLoader() = default;

void SessionSortLoader::reset(quint64 generation)
{
    m_generation = generation;
    m_index.clear();
    m_complete = false;
    m_rowsMoved = false;
    m_expected = 0;
    m_pendingColumn = -1;
}

void SessionSortLoader::request(int column, Qt::SortOrder order, qint64 expected)
{
    const bool wasPending = isPending();
    m_pendingColumn = column;
    m_pendingOrder = order;
    m_expected = expected;
    if (!m_fetcher->isCollecting()) {
        m_index.clear();
        m_rowsMoved = false;
        m_fetcher->collectAll();
    }
    if (!wasPending)
        Q_EMIT pendingChanged(true);
}

void SessionSortLoader::dropPending()
{
    if (!isPending())
        return;
    m_pendingColumn = -1;
    if (!m_complete)
        m_fetcher->cancel();
    Q_EMIT pendingChanged(false);
}

void SessionSortLoader::cancel()
{
    const bool wasPending = isPending();
    m_pendingColumn = -1;
    if (!m_complete)
        m_index.clear();
    if (wasPending)
        Q_EMIT pendingChanged(false);
}

void SessionSortLoader::onFinished(quint64 generation)
{
    if (generation != m_generation)
        return;
    if (m_rowsMoved) {
        onFailed(ApiError::make(ApiError::Kind::Incomplete,
                                tr("Rows moved between the server's pages while every session was "
                                   "read, so they cannot be sorted in place. Refresh (F5) and "
                                   "sort again.")));
        return;
    }
    if (m_index.size() < m_expected) {
        // Sorting part of the set would present a partial order as the whole list's.
        onFailed(ApiError::make(ApiError::Kind::Incomplete,
                                tr("The server counts %L1 sessions but %L2 arrived.")
                                    .arg(m_expected)
                                    .arg(m_index.size())));
        return;
    }
    m_complete = true;
    m_index.squeeze();
    if (!isPending())
        return;
    const int column = std::exchange(m_pendingColumn, -1);
    Q_EMIT ready(column, m_pendingOrder);
    Q_EMIT pendingChanged(false);
}

void SessionSortLoader::onFailed(const ApiError &error)
{
    // The keys gathered so far are dropped: the rows stay in the server's order, and the sort
    // the user asked for is reported as not done rather than applied to part of the set.
    m_index.clear();
    const int column = std::exchange(m_pendingColumn, -1);
    if (error.kind == ApiError::Kind::Cancelled) {
        if (column >= 0)
            Q_EMIT pendingChanged(false);
        return;
    }
    if (column >= 0) {
        Q_EMIT pendingChanged(false);
        Q_EMIT failed(column, m_pendingOrder, error);
    } else {
        Q_EMIT walkFailed(error);
    }
}
