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
    if (!m_order.isEmpty())
        return int(m_order.size());
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
    const int paged = row - live;
    if (!m_order.isEmpty()) {
        const auto pos = m_sort->index().position(m_order[paged]);
        loc.pageNumber = pos.page;
        loc.index = pos.index;
    } else {
        loc.pageNumber = paged / PageSize + 1;
        loc.index = paged % PageSize;
    }
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
    switch (role) {
    case Qt::DisplayRole:
        return SessionColumns::displayText(
            s, column,
            column == SessionColumns::Created ? loc.page->createdText.value(loc.index) : QString());
    case SortRole:
        return SessionColumns::sortValue(s, column);
    case Qt::ToolTipRole:
        return SessionColumns::toolTip(s, column, m_zone);
    case SessionRole:
        return QVariant::fromValue(s);
    case LoadingRole:
        return false;
    case ErrorRole:
        return QString();
    case SessionIdRole:
        return s.sessionId;
    default:
        return {};
    }
}

QVariant SessionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return SessionColumns::title(section);
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return QVariant::fromValue(SessionColumns::alignment(section));
    return QAbstractTableModel::headerData(section, orientation, role);
}

QHash<int, QByteArray> SessionTableModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(SessionRole, "session");
    names.insert(LoadingRole, "loading");
    names.insert(ErrorRole, "error");
    names.insert(SessionIdRole, "sessionId");
    return names;
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

void SessionTableModel::setViewport(int firstRow, int lastRow)
{
    m_firstVisible = firstRow;
    m_lastVisible = lastRow;
    m_flushTimer.start();
}

QList<int> SessionTableModel::pagesForRows(int first, int last) const
{
    QList<int> pages;
    const int live = int(m_live.sessions.size());
    first = qMax(first, live);
    for (int row = first; row <= last; ++row) {
        if (m_order.isEmpty()) {
            // Unsorted rows are contiguous by page: step a page at a time.
            const int page = (row - live) / PageSize + 1;
            pages.append(page);
            row = live + page * PageSize - 1;
            continue;
        }
        const int page = m_sort->index().position(m_order[row - live]).page;
        if (!pages.contains(page))
            pages.append(page);
    }
    return pages;
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
    if (m_order.isEmpty()) {
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
    int first = -1, last = -1;
    if (m_order.isEmpty()) {
        first = live + (page - 1) * PageSize;
        last = qMin(first + PageSize - 1, rowCount() - 1);
    } else {
        for (int key = m_sort->index().keyOf(page, 0);
             key >= 0 && key < m_sort->index().size() && m_sort->index().position(key).page == page;
             ++key) {
            const int row = live + m_rowOfKey[key];
            first = first < 0 ? row : qMin(first, row);
            last = qMax(last, row);
        }
    }
    if (first < 0 || first > last)
        return;
    Q_EMIT dataChanged(index(first, 0), index(last, SessionColumns::Count - 1), RowRoles);
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
