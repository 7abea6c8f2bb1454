#include "models/sessiontablemodel.h"
#include "models/pagefetcher.h"

namespace {
const QList<int> RowRoles = {Qt::DisplayRole,
                             Qt::ToolTipRole,
                             SessionTableModel::SortRole,
                             SessionTableModel::SessionRole,
                             SessionTableModel::LoadingRole,
                             SessionTableModel::ErrorRole,
                             SessionTableModel::SessionIdRole};
}

SessionTableModel::SessionTableModel(PageFetcher *fetcher, QObject *parent)
    : QAbstractTableModel(parent)
    , m_fetcher(fetcher)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_sort(new SessionSortLoader(fetcher, this))
    , m_rows(m_sort->index(), PageSize)
{
    // Viewport changes arrive in bursts while scrolling; one flush per event-loop turn.
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &SessionTableModel::flushViewport);
    connect(fetcher, &PageFetcher::pageReady, this, &SessionTableModel::onPageReady);
    connect(fetcher, &PageFetcher::pageFailed, this, &SessionTableModel::onPageFailed);
    connect(fetcher, &PageFetcher::pageAbandoned, this, [this](quint64 generation, int) {
        if (generation == m_generation && m_count < 0)
            setStatus(Status::Idle);
    });
    connect(fetcher, &PageFetcher::busyChanged, this, [this](bool busy) {
        m_loading = busy;
        Q_EMIT loadingChanged(busy);
    });
    connect(m_sort, &SessionSortLoader::pageCollected, this, &SessionTableModel::onCollectPage);
    connect(m_sort, &SessionSortLoader::progress, this, &SessionTableModel::sortProgress);
    connect(m_sort, &SessionSortLoader::pendingChanged, this,
            &SessionTableModel::sortPendingChanged);
    connect(m_sort, &SessionSortLoader::ready, this, &SessionTableModel::applySort);
    connect(m_sort, &SessionSortLoader::failed, this,
            [this](int column, Qt::SortOrder order, const ApiError &error) {
                m_lastError = error;
                Q_EMIT sortFailed(column, order, error);
            });
    connect(m_sort, &SessionSortLoader::walkFailed, this, [this](const ApiError &error) {
        m_lastError = error;
        Q_EMIT errorOccurred(error);
    });
    connect(fetcher, &PageFetcher::newerReady, this, &SessionTableModel::onNewer);
    connect(fetcher, &PageFetcher::newerFailed, this,
            [this](quint64 generation, const ApiError &error) {
                if (generation != m_generation)
                    return;
                if (error.kind == ApiError::Kind::NotFound) {
                    onNewer(generation, UsagePage{}); // an empty range has no page 1
                    return;
                }
                m_lastError = error;
                Q_EMIT errorOccurred(error);
            });
}

SessionTableModel::~SessionTableModel() = default;

int SessionTableModel::pagedRowCount() const
{
    if (m_rows.isSorted())
        return m_rows.sortedSize();
    return int(qBound(qint64(0), m_count, qint64(std::numeric_limits<int>::max() - MaxLiveRows)));
}

int SessionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_live.sessions.size()) + pagedRowCount();
}

int SessionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : SessionColumns::Count;
}

SessionTableModel::Location SessionTableModel::locate(int row) const
{
    Location loc;
    if (row < 0 || row >= rowCount())
        return loc;
    const int live = int(m_live.sessions.size());
    if (row < live) {
        loc.page = &m_live;
        loc.session = &m_live.sessions[row];
        loc.index = row;
        loc.cacheIndex = row;
        return loc;
    }
    const auto pos = m_rows.position(row - live);
    loc.pageNumber = pos.page;
    loc.index = pos.index;
    loc.page = m_cache.find(loc.pageNumber);
    if (loc.page && loc.index < loc.page->sessions.size())
        loc.session = &loc.page->sessions[loc.index];
    return loc;
}

const SessionSummary *SessionTableModel::session(int row) const
{
    return locate(row).session;
}

QVariant SessionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(SessionColumns::alignment(column));
    const Location loc = locate(index.row());
    if (!loc.session) {
        const auto error = m_pageErrors.constFind(loc.pageNumber);
        const bool failed = error != m_pageErrors.cend();
        switch (role) {
        case Qt::DisplayRole:
            if (column != SessionColumns::Created)
                return {};
            return failed ? tr("Failed: %1").arg(error->message) : tr("Loading…");
        case Qt::ToolTipRole:
        case ErrorRole:
            return failed ? error->toDisplayString()
                          : (role == ErrorRole ? QString() : tr("Not loaded yet"));
        case LoadingRole:
            return !failed;
        default:
            return {};
        }
    }
    const SessionSummary &s = *loc.session;
    // The characters' names, when the server gave them, stand for their slugs.
    if (column == SessionColumns::Character && m_characterNames.contains(s.characterSlug)) {
        if (role == Qt::DisplayRole)
            return m_characterNames.value(s.characterSlug);
        if (role == Qt::ToolTipRole)
            return s.characterSlug;
    }
    return SessionColumns::cellData(
        s, column, role,
        column == SessionColumns::Created ? loc.page->createdText.value(loc.index) : QString(),
        m_zone);
}

QVariant SessionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal)
        if (QVariant value = SessionColumns::headerData(section, role); value.isValid())
            return value;
    return QAbstractTableModel::headerData(section, orientation, role);
}

QHash<int, QByteArray> SessionTableModel::roleNames() const
{
    return SessionColumns::roleNames(QAbstractTableModel::roleNames());
}

bool SessionTableModel::isLoading() const
{
    return m_fetcher->isBusy();
}

void SessionTableModel::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    const auto reformat = [this](SessionPageCache::Page &page) {
        for (qsizetype i = 0; i < page.sessions.size(); ++i)
            page.createdText[i] = SessionColumns::formatCreated(page.sessions[i].createdAt, m_zone);
    };
    reformat(m_live);
    for (const int page : m_cache.pages())
        reformat(*m_cache.findMutable(page));
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, SessionColumns::Created),
                           index(rowCount() - 1, SessionColumns::Created),
                           {Qt::DisplayRole, Qt::ToolTipRole});
}

void SessionTableModel::setCharacterNames(const QHash<QString, QString> &names)
{
    if (names == m_characterNames)
        return;
    m_characterNames = names;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, SessionColumns::Character),
                           index(rowCount() - 1, SessionColumns::Character),
                           {Qt::DisplayRole, Qt::ToolTipRole});
}

void SessionTableModel::setViewport(int firstRow, int lastRow)
{
    m_firstVisible = firstRow;
    m_lastVisible = lastRow;
    m_flushTimer.start();
}

QList<int> SessionTableModel::pagesForRows(int first, int last) const
{
    const int live = int(m_live.sessions.size());
    first = qMax(first, live);
    if (first > last)
        return {};
    return m_rows.pagesForRows(first - live, last - live);
}

void SessionTableModel::flushViewport()
{
    const int rows = rowCount();
    if (m_count < 0 || rows == 0 || m_lastVisible < m_firstVisible)
        return;
    const int first = qBound(0, m_firstVisible, rows - 1);
    const int last = qBound(first, m_lastVisible, rows - 1);
    QList<int> pages = pagesForRows(first, last);
    // One page ahead, in the direction of reading.
    if (!m_rows.isSorted()) {
        const int live = int(m_live.sessions.size());
        const int lastPage = (qMax(last, live) - live) / PageSize + 1;
        if (lastPage * PageSize < pagedRowCount())
            pages.append(lastPage + 1);
    } else if (last + 1 < rows) {
        for (const int page : pagesForRows(last + 1, last + 1)) {
            if (!pages.contains(page))
                pages.append(page);
        }
    }
    QList<int> wanted;
    for (const int page : std::as_const(pages)) {
        m_cache.touch(page);
        if (m_cache.contains(page))
            continue;
        // A failed page is retried when it comes back into view, not while it stays there.
        if (m_pageErrors.contains(page)) {
            if (m_viewportPages.contains(page))
                continue;
            m_pageErrors.remove(page);
            emitPageChanged(page);
        }
        wanted.append(page);
    }
    m_viewportPages = QSet<int>(pages.cbegin(), pages.cend());
    m_fetcher->want(wanted);
}

void SessionTableModel::emitPageChanged(int page)
{
    const int live = int(m_live.sessions.size());
    const auto [first, last] = m_rows.rowsOfPage(page);
    if (first < 0)
        return;
    const int lastRow = qMin(live + last, rowCount() - 1);
    if (live + first > lastRow)
        return;
    Q_EMIT dataChanged(index(live + first, 0), index(lastRow, SessionColumns::Count - 1), RowRoles);
}

void SessionTableModel::setStatus(Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}

void SessionTableModel::noteCharacters(const QList<SessionSummary> &sessions)
{
    const auto before = m_seenCharacters.size();
    for (const SessionSummary &s : sessions)
        m_seenCharacters.insert(s.characterSlug);
    if (m_seenCharacters.size() != before)
        Q_EMIT seenCharactersChanged();
}

SessionPageCache::Page SessionTableModel::makePage(const QList<SessionSummary> &sessions) const
{
    SessionPageCache::Page page;
    page.sessions = sessions;
    page.createdText.reserve(sessions.size());
    for (const SessionSummary &s : sessions)
        page.createdText.append(SessionColumns::formatCreated(s.createdAt, m_zone));
    return page;
}

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
    m_rows.clear();
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
    if (column == SessionColumns::SessionId) {
        // IDs carry no order a person looks for; the list keeps its order and says so.
        Q_EMIT sortApplied(m_sortColumn < 0 ? int(SessionColumns::Created) : m_sortColumn,
                           m_sortOrder);
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
    const int newPaged = natural ? int(qMax<qint64>(0, m_count)) : int(newOrder.size());
    if (newPaged != pagedRowCount()) {
        // The pages held other rows than the count promised: the shape changes, so reset.
        beginResetModel();
        m_rows.setOrder(std::move(newOrder));
        endResetModel();
    } else {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const int live = int(m_live.sessions.size());
        const QModelIndexList from = persistentIndexList();
        QList<int> keys;
        keys.reserve(from.size());
        for (const QModelIndex &idx : from) {
            const int paged = idx.row() - live;
            keys.append(paged < 0 ? -1 : m_rows.keyAt(paged));
        }
        m_rows.setOrder(std::move(newOrder));
        QModelIndexList to;
        to.reserve(from.size());
        for (qsizetype i = 0; i < from.size(); ++i) {
            const int row = keys[i] >= 0 ? live + m_rows.rowOfKey(keys[i]) : from[i].row();
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
