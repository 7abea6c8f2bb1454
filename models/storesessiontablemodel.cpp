#include "models/storesessiontablemodel.h"
#include "store/storereader.h"

#include <algorithm>
#include <limits>

StoreSessionTableModel::StoreSessionTableModel(StoreReader *reader, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(reader)
{
    // The view reads many rows while painting; one request per turn of the event loop.
    m_dispatch.setSingleShot(true);
    m_dispatch.setInterval(0);
    connect(&m_dispatch, &QTimer::timeout, this, &StoreSessionTableModel::dispatch);
    connect(reader, &StoreReader::totalsReady, this, &StoreSessionTableModel::onTotals);
    connect(reader, &StoreReader::rowsReady, this, &StoreSessionTableModel::onRows);
    connect(reader, &StoreReader::failed, this, &StoreSessionTableModel::onFailed);
}

StoreSessionTableModel::~StoreSessionTableModel() = default;

int StoreSessionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int StoreSessionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : SessionColumns::Count;
}

const SessionSummary *StoreSessionTableModel::session(int row) const
{
    const Window *window = loadedWindow(row);
    return window ? &window->rows[row % WindowSize] : nullptr;
}

StoreSessionTableModel::Window *StoreSessionTableModel::loadedWindow(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const auto it = m_cache.find(row / WindowSize);
    return it == m_cache.end() || row % WindowSize >= it->rows.size() ? nullptr : &*it;
}

QVariant StoreSessionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(SessionColumns::alignment(column));
    if (Window *window = loadedWindow(index.row()))
        return rowData(*window, index.row() % WindowSize, column, role);
    const int windowNumber = index.row() / WindowSize;
    const bool held = m_cache.contains(windowNumber); // but shorter than asked
    const bool failed = m_status == Status::Failed;
    if (!failed && !held)
        want(windowNumber);
    switch (role) {
    case Qt::DisplayRole:
        if (column != SessionColumns::Created)
            return {};
        // A window shorter than asked: the store lost rows since it was counted.
        return failed ? tr("Failed: %1").arg(m_error)
                      : (!held ? tr("Loading…") : tr("Gone from the store"));
    case ErrorRole:
        return failed ? m_error : QString();
    case LoadingRole:
        return !failed && !held;
    default:
        return {};
    }
}

void StoreSessionTableModel::multiData(const QModelIndex &index,
                                       QModelRoleDataSpan roleDataSpan) const
{
    Window *window =
        checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
            ? loadedWindow(index.row())
            : nullptr;
    for (QModelRoleData &roleData : roleDataSpan) {
        roleData.setData(
            window ? rowData(*window, index.row() % WindowSize, index.column(), roleData.role())
                   : data(index, roleData.role()));
    }
}

QVariant StoreSessionTableModel::rowData(Window &window, int at, int column, int role) const
{
    window.lastUse = ++m_useClock;
    const SessionSummary &s = window.rows[at];
    const bool showsCreated = role == Qt::DisplayRole && column == SessionColumns::Created;
    return SessionColumns::cellData(s, column, role,
                                    showsCreated ? createdText(window, at) : QString(), m_zone);
}

QVariant StoreSessionTableModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (orientation == Qt::Horizontal)
        if (QVariant value = SessionColumns::headerData(section, role); value.isValid())
            return value;
    return QAbstractTableModel::headerData(section, orientation, role);
}

QHash<int, QByteArray> StoreSessionTableModel::roleNames() const
{
    return SessionColumns::roleNames(QAbstractTableModel::roleNames());
}

StoreSortKey StoreSessionTableModel::sortKey(int column)
{
    switch (column) {
    case SessionColumns::Character:
        return StoreSortKey::Character;
    case SessionColumns::Tenant:
        return StoreSortKey::Tenant;
    case SessionColumns::Duration:
        return StoreSortKey::Duration;
    case SessionColumns::Turns:
        return StoreSortKey::Turns;
    case SessionColumns::Interruptions:
        return StoreSortKey::Interruptions;
    case SessionColumns::LlmInputTokens:
        return StoreSortKey::LlmInputTokens;
    case SessionColumns::LlmOutputTokens:
        return StoreSortKey::LlmOutputTokens;
    case SessionColumns::LlmModel:
        return StoreSortKey::LlmModel;
    case SessionColumns::SttSeconds:
        return StoreSortKey::SttSeconds;
    case SessionColumns::TtsCharacters:
        return StoreSortKey::TtsCharacters;
    case SessionColumns::Cost:
        return StoreSortKey::Cost;
    case SessionColumns::Recording:
        return StoreSortKey::Recording;
    case SessionColumns::InProgress:
        return StoreSortKey::InProgress;
    case SessionColumns::SessionId:
        return StoreSortKey::SessionId;
    default:
        return StoreSortKey::Created;
    }
}

void StoreSessionTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= SessionColumns::Count)
        return;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    // Same rows, another order: the count and totals stand, every window is read again.
    beginResetModel();
    clearRows();
    endResetModel();
    // A reset view shows the top: ask for it now rather than at the first paint.
    if (m_count > 0)
        want(0);
}

void StoreSessionTableModel::setCacheBound(int windows)
{
    m_cacheBound = qMax(1, windows);
}

void StoreSessionTableModel::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    for (Window &window : m_cache)
        window.createdText.fill(QString());
    if (m_count > 0)
        Q_EMIT dataChanged(index(0, SessionColumns::Created),
                           index(m_count - 1, SessionColumns::Created), {Qt::DisplayRole});
}

QString StoreSessionTableModel::createdText(Window &window, int at) const
{
    // Formatted when first shown: a conversion to the zone costs microseconds a row, and most
    // rows of a window are never on screen.
    QString &text = window.createdText[at];
    if (text.isNull())
        text = SessionColumns::formatCreated(window.rows[at].createdAt, m_zone);
    return text;
}

void StoreSessionTableModel::setFilter(const StoreSessionFilter &filter)
{
    m_filter = filter;
    startQuestion();
}

void StoreSessionTableModel::refresh()
{
    startQuestion();
}

void StoreSessionTableModel::startQuestion()
{
    // The old rows answer another question: they go now rather than linger under new totals.
    beginResetModel();
    m_count = 0;
    clearRows();
    endResetModel();
    m_error.clear();
    m_totalsTicket = m_reader->fetchTotals(m_filter);
    setStatus(Status::Loading);
}

void StoreSessionTableModel::clearRows()
{
    m_cache.clear();
    m_wanted.clear();
    m_rowsTicket = 0; // an answer on its way is stale from now on
    m_rowsWindow = -1;
}

void StoreSessionTableModel::want(int window) const
{
    if (window == m_rowsWindow && m_rowsTicket != 0)
        return;
    // A paint asks for every role of every cell of a row not yet in: once the window is the
    // newest wanted and a dispatch is due, asking again changes nothing.
    if (!m_wanted.isEmpty() && m_wanted.constLast() == window && m_dispatch.isActive())
        return;
    m_wanted.removeOne(window);
    m_wanted.append(window);
    while (m_wanted.size() > MaxWanted)
        m_wanted.removeFirst();
    m_dispatch.start();
}

void StoreSessionTableModel::dispatch()
{
    if (m_rowsTicket != 0 || m_totalsTicket != 0 || m_wanted.isEmpty())
        return;
    m_rowsWindow = m_wanted.takeLast();
    StoreSessionQuery query;
    query.filter = m_filter;
    query.sortKey = sortKey(m_sortColumn);
    query.descending = m_sortOrder == Qt::DescendingOrder;
    query.offset = qint64(m_rowsWindow) * WindowSize;
    query.limit = WindowSize;
    m_rowsTicket = m_reader->fetchRows(query);
}

void StoreSessionTableModel::onTotals(quint64 ticket, const UsageTotals &totals)
{
    if (ticket != m_totalsTicket)
        return;
    m_totalsTicket = 0;
    m_totals = totals;
    const int count =
        int(qBound(qint64(0), totals.sessions, qint64(std::numeric_limits<int>::max())));
    if (count > 0) {
        beginInsertRows({}, 0, count - 1);
        m_count = count;
        endInsertRows();
    }
    setStatus(Status::Ready);
    Q_EMIT totalsChanged(m_totals);
    if (m_count > 0 && m_wanted.isEmpty())
        want(0); // the top, which a view shows first
    dispatch();
}

void StoreSessionTableModel::onRows(quint64 ticket, const QList<SessionSummary> &rows)
{
    if (ticket != m_rowsTicket)
        return;
    m_rowsTicket = 0;
    const int number = m_rowsWindow;
    m_rowsWindow = -1;
    Window window;
    window.rows = rows;
    window.createdText.resize(rows.size());
    window.lastUse = ++m_useClock;
    m_cache.insert(number, std::move(window));
    while (m_cache.size() > m_cacheBound) {
        const auto oldest = std::min_element(
            m_cache.cbegin(), m_cache.cend(),
            [](const Window &a, const Window &b) { return a.lastUse < b.lastUse; });
        m_cache.erase(oldest);
    }
    const int first = number * WindowSize;
    const int last = qMin(m_count, first + WindowSize) - 1;
    if (last >= first) {
        Q_EMIT dataChanged(index(first, 0), index(last, SessionColumns::Count - 1));
        Q_EMIT windowLoaded(first, last);
    }
    dispatch();
}

void StoreSessionTableModel::onFailed(quint64 ticket, const QString &error)
{
    if (ticket == 0 || (ticket != m_rowsTicket && ticket != m_totalsTicket))
        return;
    m_rowsTicket = 0;
    m_totalsTicket = 0;
    m_rowsWindow = -1;
    m_wanted.clear();
    m_error = error;
    setStatus(Status::Failed);
    if (m_count > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_count - 1, SessionColumns::Count - 1));
    Q_EMIT errorOccurred(error);
}

void StoreSessionTableModel::setStatus(Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}
