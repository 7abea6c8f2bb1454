#pragma once

#include "api/usagepage.h"
#include "models/sessioncolumns.h"
#include "store/storesessionquery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimeZone>
#include <QTimer>

class StoreReader;

/// The stored sessions of one filter as a table, with the live table's columns (SessionColumns),
/// built for stores of 100,000 rows and more: the row count and totals come from one SQL
/// answer, and rows are read in windows of WindowSize as the view asks for them, in the order
/// of the sorted column (an indexed ORDER BY, never a sort in memory). At most `cacheBound`
/// windows are kept, the least recently shown dropped first, so memory stays flat however far
/// the user scrolls.
///
/// Every query runs on the StoreReader's thread; answers carry the ticket they were asked with,
/// and an answer to anything but the question now current (an older filter, sort or window
/// request) is dropped. One window is asked at a time, the one most recently wanted: a fast
/// scroll does not queue up windows nobody looks at any more.
class StoreSessionTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreSessionTableModel)

public:
    static constexpr int WindowSize = 200;
    /// 2,400 summary rows (no transcripts), about a megabyte.
    static constexpr int DefaultCacheBound = 12;
    /// Windows waiting to be asked for; older wishes are forgotten (the view has moved on).
    static constexpr int MaxWanted = 4;

    /// The same roles as the live table, so that views and delegates serve both.
    enum Role {
        SortRole = SessionColumns::SortRole,
        SessionRole = SessionColumns::SessionRole, ///< the whole SessionSummary
        LoadingRole = SessionColumns::LoadingRole, ///< true while the row is a placeholder
        ErrorRole = SessionColumns::ErrorRole,     ///< the row's error, as text; empty when none
        SessionIdRole = SessionColumns::SessionIdRole,
    };
    enum class Status { Idle, Loading, Ready, Failed };
    Q_ENUM(Status)

    explicit StoreSessionTableModel(StoreReader *reader, QObject *parent = nullptr);
    ~StoreSessionTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// What data() answers for each role, with the row looked up once: a delegate asks seven
    /// roles of every cell it paints.
    void multiData(const QModelIndex &index, QModelRoleDataSpan roleDataSpan) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    /// An ORDER BY on the column's index; the row count and totals stay.
    void sort(int column, Qt::SortOrder order) override;

    /// The SQL order of a column of the table.
    [[nodiscard]] static StoreSortKey sortKey(int column);

    void setCacheBound(int windows);
    [[nodiscard]] int cacheBound() const { return m_cacheBound; }
    [[nodiscard]] int cachedWindowCount() const { return int(m_cache.size()); }
    void setTimeZone(const QTimeZone &zone); ///< invalid = local time
    [[nodiscard]] Status status() const { return m_status; }
    [[nodiscard]] const StoreSessionFilter &filter() const { return m_filter; }
    [[nodiscard]] const UsageTotals &totals() const { return m_totals; }
    [[nodiscard]] QString lastError() const { return m_error; }
    [[nodiscard]] int sortColumn() const { return m_sortColumn; }
    [[nodiscard]] Qt::SortOrder sortOrder() const { return m_sortOrder; }
    [[nodiscard]] bool isRowLoaded(int row) const { return session(row) != nullptr; }
    [[nodiscard]] const SessionSummary *session(int row) const;

public Q_SLOTS:
    /// A new question: the rows go, and come back with the count and totals of `filter`.
    void setFilter(const StoreSessionFilter &filter);
    /// The same filter asked again (after a sync, or a tag changed).
    void refresh();

Q_SIGNALS:
    void statusChanged(StoreSessionTableModel::Status status);
    void totalsChanged(const UsageTotals &totals);
    void errorOccurred(const QString &message);
    /// Rows [first, last] arrived.
    void windowLoaded(int first, int last);

private:
    struct Window
    {
        QList<SessionSummary> rows;
        QStringList createdText; ///< null until the row is first shown
        quint64 lastUse = 0;
    };
    QString createdText(Window &window, int at) const;
    /// The window that holds `row`, read and long enough; null otherwise (a row out of range, a
    /// window not read yet, or one shorter than asked).
    Window *loadedWindow(int row) const;
    /// data() of a row that is loaded.
    QVariant rowData(Window &window, int at, int column, int role) const;
    void startQuestion();
    void want(int window) const;
    void dispatch();
    void onTotals(quint64 ticket, const UsageTotals &totals);
    void onRows(quint64 ticket, const QList<SessionSummary> &rows);
    void onFailed(quint64 ticket, const QString &error);
    void setStatus(Status status);
    void clearRows();

    StoreReader *m_reader;
    StoreSessionFilter m_filter;
    int m_sortColumn = SessionColumns::Created;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    QTimeZone m_zone;
    int m_count = 0;
    UsageTotals m_totals;
    Status m_status = Status::Idle;
    QString m_error;
    quint64 m_totalsTicket = 0;
    quint64 m_rowsTicket = 0;
    int m_rowsWindow = -1;
    int m_cacheBound = DefaultCacheBound;
    // Touched by data(), which is const: the view's reads are what drive the fetches.
    mutable QHash<int, Window> m_cache;
    mutable QList<int> m_wanted; ///< most recent last
    mutable quint64 m_useClock = 0;
    mutable QTimer m_dispatch;
};
