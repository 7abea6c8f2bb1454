#pragma once

#include "api/apierror.h"
#include "api/usagepage.h"
#include "api/usagequery.h"
#include "models/sessioncolumns.h"
#include "models/sessionpagecache.h"
#include "models/sessionroworder.h"
#include "models/sessionsortloader.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QTimeZone>
#include <QTimer>

#include <functional>
#include <optional>

class PageFetcher;

/// The sessions of one filter as a table, built for result sets of 100,000 rows: the row count
/// is the server's from the first answer on, rows not loaded yet are placeholders, and only the
/// pages under the viewport (plus one ahead) are fetched, through a PageFetcher.
///
/// The query's end is pinned to the moment it was made so that pages never shift; live mode
/// asks for what came after and inserts it at the top. Sorting is local and happens only once
/// the sort keys of every row are known (SessionSortLoader gathers them); sorted rows still come
/// from the page cache by (page, index).
class SessionTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionTableModel)

public:
    static constexpr int PageSize = UsageQuery::MaxPageSize;
    /// Pages kept in memory (2,400 rows) besides those on screen; see SessionPageCache. Rows
    /// carry their transcripts (about 17 KB a row with the demo's, see bench_table), so this
    /// holds memory near 40 MB however far the user scrolls.
    static constexpr int DefaultCacheBound = 12;
    /// New rows held above the pinned set before live mode starts a fresh generation instead.
    static constexpr int MaxLiveRows = 2000;

    enum Role {
        SortRole = SessionColumns::SortRole,
        SessionRole = SessionColumns::SessionRole, ///< the whole SessionSummary
        LoadingRole = SessionColumns::LoadingRole, ///< true while the row is a placeholder
        ErrorRole = SessionColumns::ErrorRole,     ///< the row's error, as text; empty when none
        SessionIdRole = SessionColumns::SessionIdRole,
    };
    enum class Status { Idle, Loading, Ready, Failed };
    Q_ENUM(Status)

    explicit SessionTableModel(PageFetcher *fetcher, QObject *parent = nullptr);
    ~SessionTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    void sort(int column, Qt::SortOrder order) override;

    /// For tests: the wall clock used to pin the end of each query.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    void setCacheBound(int pages) { m_cache.setBound(pages); }
    [[nodiscard]] int cacheBound() const { return m_cache.bound(); }
    void setTimeZone(const QTimeZone &zone); ///< invalid = local time
    /// Characters' names where the server gives them: the Character column shows the name and
    /// keeps the slug in its tooltip (sorting and copies keep the slug).
    void setCharacterNames(const QHash<QString, QString> &names);
    [[nodiscard]] QTimeZone timeZone() const { return m_zone; }

    [[nodiscard]] Status status() const { return m_status; }
    [[nodiscard]] bool isLoading() const;
    [[nodiscard]] bool isCountKnown() const { return m_count >= 0; }
    [[nodiscard]] qint64 serverCount() const { return m_count; }
    [[nodiscard]] const UsageTotals &totals() const { return m_totals; }
    [[nodiscard]] const UsageQuery &query() const { return m_query; }
    [[nodiscard]] std::optional<ApiError> lastError() const { return m_lastError; }
    [[nodiscard]] int loadedPageCount() const { return m_cache.size(); }
    [[nodiscard]] QList<int> failedPages() const { return m_pageErrors.keys(); }
    [[nodiscard]] bool isRowLoaded(int row) const { return session(row) != nullptr; }
    [[nodiscard]] const SessionSummary *session(int row) const;
    /// Sort keys of every row are known: sorting is immediate.
    [[nodiscard]] bool isComplete() const { return m_sort->isComplete(); }
    [[nodiscard]] int sortColumn() const { return m_sortColumn; }
    [[nodiscard]] Qt::SortOrder sortOrder() const { return m_sortOrder; }
    [[nodiscard]] bool isSortPending() const { return m_sort->isPending(); }
    [[nodiscard]] QStringList seenCharacters() const { return m_seenCharacters.values(); }
    [[nodiscard]] int liveRowCount() const { return int(m_live.sessions.size()); }

public Q_SLOTS:
    /// Starts a new generation for these filters; the end is pinned now unless already past.
    void setQuery(const UsageQuery &filter);
    void refresh();
    /// Rows the view shows; the pages under them (plus one ahead) are fetched on the next turn
    /// of the event loop.
    void setViewport(int firstRow, int lastRow);
    /// Asks again for the pages that failed, and for page 1 if the whole query failed.
    void retryFailed();
    /// Abandons what is loading (and a pending sort); loaded rows stay.
    void cancel();
    /// Live mode: fetches the sessions created after the pinned end and inserts them on top.
    void pollNewer();

Q_SIGNALS:
    void statusChanged(SessionTableModel::Status status);
    void loadingChanged(bool loading);
    void totalsChanged(const UsageTotals &totals);
    void errorOccurred(const ApiError &error);
    void pageLoaded(int page);
    void sortProgress(int pagesDone, int pageCount);
    void sortPendingChanged(bool pending);
    void sortApplied(int column, Qt::SortOrder order);
    /// Loading every row for a sort failed or came back short: the rows stay in the server's
    /// order and `column` is not sorted.
    void sortFailed(int column, Qt::SortOrder order, const ApiError &error);
    void seenCharactersChanged();

private:
    struct Location
    {
        const SessionPageCache::Page *page = nullptr;
        const SessionSummary *session = nullptr;
        int pageNumber = 0;
        int index = 0;
        int cacheIndex = -1; ///< row within m_live when the row is a live one
    };
    [[nodiscard]] Location locate(int row) const;
    [[nodiscard]] int pagedRowCount() const;
    [[nodiscard]] QList<int> pagesForRows(int first, int last) const;
    void startGeneration(const UsageQuery &filter);
    void flushViewport();
    void setStatus(Status status);
    void onPageReady(quint64 generation, int page, const UsagePage &data);
    void onPageFailed(quint64 generation, int page, const ApiError &error);
    void onCollectPage(int page, const QList<SessionSummary> &sessions);
    void onNewer(quint64 generation, const UsagePage &data);
    void storePage(int page, const QList<SessionSummary> &sessions);
    void emitPageChanged(int page);
    void applySort(int column, Qt::SortOrder order);
    void noteCharacters(const QList<SessionSummary> &sessions);
    [[nodiscard]] SessionPageCache::Page makePage(const QList<SessionSummary> &sessions) const;

    PageFetcher *m_fetcher;
    std::function<QDateTime()> m_clock;
    QTimeZone m_zone;
    UsageQuery m_filter; ///< as the user asked, end not pinned
    UsageQuery m_query;  ///< what is fetched: the filter with the end pinned
    quint64 m_generation = 0;
    Status m_status = Status::Idle;
    qint64 m_count = -1;
    UsageTotals m_totals;
    std::optional<ApiError> m_lastError;
    SessionPageCache m_cache{DefaultCacheBound};
    QHash<int, ApiError> m_pageErrors;
    QSet<int> m_viewportPages; ///< pages on screen: never evicted
    QSet<int> m_retryPages;    ///< failed pages the user asked to retry
    int m_firstVisible = 0;
    int m_lastVisible = -1;
    QTimer m_flushTimer;
    SessionPageCache::Page m_live; ///< rows newer than the pinned end, newest first
    qint64 m_coveredEnd = 0;       ///< live mode has everything up to here (0: the pinned end)
    qint64 m_newerQueryEnd = 0;    ///< end of the live request in flight
    SessionSortLoader *m_sort;     ///< the keys of every row, for sorting
    SessionRowOrder m_rows;        ///< which page and index each paged row shows
    int m_sortColumn = -1;         ///< -1: the server's order
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    QSet<QString> m_seenCharacters;
    QHash<QString, QString> m_characterNames; ///< slug -> display name
    bool m_loading = false;
};
