// SessionTableModel, second half: generations, page answers, sorting and live mode. Kept apart
// from the row and viewport code so that each file reads on its own.
#include "models/pagefetcher.h"
#include "models/sessiontablemodel.h"

void SessionTableModel::setQuery(const UsageQuery &filter)
{
    startGeneration(filter);
}

void SessionTableModel::refresh()
{
    startGeneration(m_filter);
}

void SessionTableModel::startGeneration(const UsageQuery &filter)
{
    const bool sortWasPending = m_sort->isPending();
    const bool wasSorted = m_sortColumn >= 0;
    beginResetModel();
    m_filter = filter;
    m_query = filter;
    m_query.page = 1;
    m_query.pageSize = PageSize;
    // Pin the end so that sessions arriving meanwhile cannot shift rows between pages.
    const qint64 now = m_clock().toMSecsSinceEpoch() * 1000;
    if (!m_query.range.endMicros || *m_query.range.endMicros > now)
        m_query.range.endMicros = now;
    m_count = -1;
    m_totals = {};
    m_lastError.reset();
    m_cache.clear();
    m_pageErrors.clear();
    m_viewportPages.clear();
    m_live = {};
    m_coveredEnd = 0;
    m_order.clear();
    m_rowOfKey.clear();
    m_sortColumn = -1;
    m_sortOrder = Qt::DescendingOrder;
    m_generation = m_fetcher->start(m_query);
    m_sort->reset(m_generation);
    endResetModel();
    setStatus(Status::Loading);
    Q_EMIT totalsChanged(m_totals);
    if (sortWasPending)
        Q_EMIT sortPendingChanged(false);
    if (wasSorted)
        Q_EMIT sortApplied(SessionColumns::Created, Qt::DescendingOrder);
    m_fetcher->want({1});
}

void SessionTableModel::onPageReady(quint64 generation, int page, const UsagePage &data)
{
    if (generation != m_generation)
        return;
    m_pageErrors.remove(page);
    if (m_count < 0) {
        m_totals = data.totals;
        // The first answer tells the true size: the scroll bar shows it at once.
        const qint64 count = qMax<qint64>(0, data.count);
        if (count > 0) {
            beginInsertRows(
                {}, 0, int(qMin<qint64>(count, std::numeric_limits<int>::max() - MaxLiveRows)) - 1);
            m_count = count;
            storePage(page, data.sessions);
            endInsertRows();
        } else {
            m_count = 0;
            m_sort->markComplete();
        }
        setStatus(Status::Ready);
        Q_EMIT totalsChanged(m_totals);
        Q_EMIT pageLoaded(page);
        m_flushTimer.start();
        return;
    }
    storePage(page, data.sessions);
    emitPageChanged(page);
    Q_EMIT pageLoaded(page);
}

void SessionTableModel::storePage(int page, const QList<SessionSummary> &sessions)
{
    const QList<int> evicted = m_cache.insert(page, makePage(sessions), m_viewportPages);
    noteCharacters(sessions);
    for (const int gone : evicted)
        emitPageChanged(gone);
}

void SessionTableModel::onPageFailed(quint64 generation, int page, const ApiError &error)
{
    if (generation != m_generation)
        return;
    m_lastError = error;
    if (m_count < 0) {
        setStatus(Status::Failed);
    } else {
        m_pageErrors.insert(page, error);
        emitPageChanged(page);
    }
    Q_EMIT errorOccurred(error);
}

void SessionTableModel::retryFailed()
{
    m_lastError.reset();
    if (m_count < 0) {
        setStatus(Status::Loading);
        m_fetcher->want({1});
        return;
    }
    const QList<int> failed = m_pageErrors.keys();
    m_pageErrors.clear();
    for (const int page : failed)
        emitPageChanged(page);
    m_viewportPages.clear();
    m_flushTimer.start();
}

void SessionTableModel::cancel()
{
    m_flushTimer.stop();
    m_fetcher->cancel();
    m_sort->cancel();
    if (m_count < 0)
        setStatus(Status::Idle);
}

void SessionTableModel::sort(int column, Qt::SortOrder order)
{
    // The server's order is newest first; asking for it needs no keys.
    const bool natural = column < 0 || column >= SessionColumns::Count ||
                         (column == SessionColumns::Created && order == Qt::DescendingOrder);
    if (natural) {
        m_sort->dropPending();
        if (m_sortColumn >= 0)
            applySort(-1, Qt::DescendingOrder);
        return;
    }
    if (m_count <= 0)
        return;
    if (m_sort->isComplete()) {
        applySort(column, order);
        return;
    }
    // Not every row is known: load the whole set in parallel first, then sort.
    m_sort->request(column, order, m_count);
}

void SessionTableModel::onCollectPage(int page, const QList<SessionSummary> &sessions)
{
    // The collector's pages are the table's pages: show the ones on screen right away.
    if (m_viewportPages.contains(page) && !m_cache.contains(page)) {
        m_pageErrors.remove(page);
        storePage(page, sessions);
        emitPageChanged(page);
    }
}

void SessionTableModel::applySort(int column, Qt::SortOrder order)
{
    const bool natural = column < 0;
    QList<qint32> newOrder = natural ? QList<qint32>() : m_sort->index().order(column, order);
    QList<qint32> newRowOfKey(newOrder.size());
    for (qsizetype row = 0; row < newOrder.size(); ++row)
        newRowOfKey[newOrder[row]] = qint32(row);
    const int newPaged = natural ? int(qMax<qint64>(0, m_count)) : int(newOrder.size());
    if (newPaged != pagedRowCount()) {
        // The pages held other rows than the count promised: the shape changes, so reset.
        beginResetModel();
        m_order = std::move(newOrder);
        m_rowOfKey = std::move(newRowOfKey);
        endResetModel();
    } else {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const int live = int(m_live.sessions.size());
        const QModelIndexList from = persistentIndexList();
        QList<int> keys;
        keys.reserve(from.size());
        for (const QModelIndex &idx : from) {
            const int paged = idx.row() - live;
            if (paged < 0)
                keys.append(-1);
            else if (!m_order.isEmpty())
                keys.append(m_order[paged]);
            else
                keys.append(m_sort->index().keyOf(paged / PageSize + 1, paged % PageSize));
        }
        m_order = std::move(newOrder);
        m_rowOfKey = std::move(newRowOfKey);
        QModelIndexList to;
        to.reserve(from.size());
        for (qsizetype i = 0; i < from.size(); ++i) {
            int row = from[i].row();
            if (keys[i] >= 0) {
                const auto pos = m_sort->index().position(keys[i]);
                row = live + (m_order.isEmpty() ? (pos.page - 1) * PageSize + pos.index
                                                : m_rowOfKey[keys[i]]);
            }
            to.append(index(row, from[i].column()));
        }
        changePersistentIndexList(from, to);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }
    m_sortColumn = natural ? -1 : column;
    m_sortOrder = natural ? Qt::DescendingOrder : order;
    Q_EMIT sortApplied(natural ? int(SessionColumns::Created) : column, m_sortOrder);
    m_viewportPages.clear();
    m_flushTimer.start();
}

void SessionTableModel::pollNewer()
{
    if (m_status != Status::Ready || m_fetcher->isCollecting() || !m_query.range.endMicros)
        return;
    const qint64 covered = m_coveredEnd > 0 ? m_coveredEnd : *m_query.range.endMicros;
    qint64 end = m_clock().toMSecsSinceEpoch() * 1000;
    if (m_filter.range.endMicros)
        end = qMin(end, *m_filter.range.endMicros);
    UsageQuery query = m_filter;
    query.page = 1;
    query.pageSize = PageSize;
    query.range.startMicros = qMax(m_filter.range.startMicros.value_or(covered + 1), covered + 1);
    query.range.endMicros = end;
    if (*query.range.startMicros > end)
        return;
    m_newerQueryEnd = end; // m_coveredEnd moves on only once the answer is in
    m_fetcher->fetchNewer(query);
}

void SessionTableModel::onNewer(quint64 generation, const UsagePage &data)
{
    if (generation != m_generation)
        return;
    if (data.count > data.sessions.size() || m_live.sessions.size() + data.count > MaxLiveRows) {
        // Too many to insert by hand (more than a page, or the live rows would grow without
        // bound): start a fresh generation, pinned at this moment.
        refresh();
        return;
    }
    m_coveredEnd = m_newerQueryEnd;
    if (data.sessions.isEmpty())
        return;
    const SessionPageCache::Page fresh = makePage(data.sessions);
    beginInsertRows({}, 0, int(fresh.sessions.size()) - 1);
    m_live.sessions = fresh.sessions + m_live.sessions;
    m_live.createdText = fresh.createdText + m_live.createdText;
    endInsertRows();
    m_totals.sessions += data.totals.sessions;
    m_totals.llmInputTokens += data.totals.llmInputTokens;
    m_totals.llmOutputTokens += data.totals.llmOutputTokens;
    m_totals.sttAudioSeconds += data.totals.sttAudioSeconds;
    m_totals.ttsCharacters += data.totals.ttsCharacters;
    m_totals.estimatedCost += data.totals.estimatedCost;
    noteCharacters(data.sessions);
    Q_EMIT totalsChanged(m_totals);
}
