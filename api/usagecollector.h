#pragma once

#include "apiclient.h"
#include "parallelpagereader.h"

#include <QObject>
#include <QSet>

#include <map>
#include <memory>
#include <set>

/// What a finished collection found, beside the sessions it delivered.
struct CollectionSummary
{
    UsageTotals serverTotals; ///< as the first page reported them
    qint64 serverCount = 0;   ///< pagination.count of the first page
    qint64 delivered = 0;     ///< sessions handed out, each session_id once
    qint64 duplicatesDropped = 0;
    int pages = 0;
    int pagesReadDirectly = 0; ///< of those, read by the direct page reader
    /// Empty when the rows agree with the count; otherwise a sentence for the user.
    QString inconsistency;
};

/// Fetches every page of one query, several at a time, and hands the sessions over in page order
/// (newest first) without duplicates. Used wherever a whole filtered set is needed: exports,
/// sorting, per-day figures.
///
/// The end of the range is pinned when collection starts, so that sessions arriving meanwhile
/// cannot shift rows between pages. Pages that arrive early wait in a reorder window of at most
/// twice the pages it keeps requested ahead, which bounds memory whatever the size of the set.
///
/// Pages go to a ParallelPageReader when the client allows a direct connection (no proxy, no
/// cache), with QueuedPagesPerConnection pages kept queued per connection: with fewer, a worker
/// waits for the GUI thread to take a page before it gets the next, and the direct path is no
/// faster than Qt's. A page the reader cannot read (any answer but a clean 200, a connection
/// that fails) sends that page, those still queued and the rest of the walk to ApiClient, which
/// retries and reports as for any request (a 401, a 404 past the end, a 429) and keeps at most
/// maxInFlight pages requested.
Q_DECLARE_METATYPE(CollectionSummary)

class UsageCollector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageCollector)

public:
    explicit UsageCollector(ApiClient *client, QObject *parent = nullptr);
    ~UsageCollector() override;

    /// Pages requested ahead through ApiClient.
    void setMaxInFlight(int pages) { m_maxInFlight = qMax(1, pages); }
    /// Connections of the direct page reader; 0 sends every page through ApiClient. During a
    /// walk, the pages being read are asked again (of ApiClient) rather than lost.
    void setDirectConnections(int connections);
    static constexpr int DefaultDirectConnections = 4;
    static constexpr int QueuedPagesPerConnection = 6;
    /// Starts over; the query's page is ignored, its page size used (200 gives fewest requests).
    void start(const UsageQuery &query);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] const UsageQuery &query() const { return m_query; }

Q_SIGNALS:
    void started(const UsageTotals &totals, qint64 count, int pageCount);
    void pageReady(int page, const QList<SessionSummary> &sessions);
    void progress(int pagesDone, int pageCount);
    void finished(const CollectionSummary &summary);
    void failed(const ApiError &error);

private:
    void requestPage(int page);
    void requestPageFromClient(int page);
    void onDirectPage(int page, const Result<UsagePage> &result);
    void onDirectFailure(int page);
    void dropDirectReads();
    /// Pages queued in or being read by the reader go back, to be asked of ApiClient.
    void takeBackDirectPages();
    void releaseReader();
    [[nodiscard]] int inFlight() const { return int(m_inFlight.size() + m_directPages.size()); }
    [[nodiscard]] int pagesAhead() const;
    void onPage(quint64 generation, int page, Result<UsagePage> result);
    void fillWindow();
    void deliverReady();
    void fail(const ApiError &error);

    ApiClient *m_client;
    UsageQuery m_query;
    int m_maxInFlight = 6;
    bool m_running = false;
    quint64 m_generation = 0;
    int m_pageCount = 0;
    int m_nextToRequest = 1;
    int m_nextToDeliver = 1;
    QSet<ApiClient::RequestId> m_inFlight;
    int m_directConnections = DefaultDirectConnections;
    std::unique_ptr<ParallelPageReader> m_reader;
    bool m_useDirect = false;
    QSet<int> m_directPages;   ///< queued in or being read by the reader
    std::set<int> m_toRequest; ///< taken back from the reader, to ask ApiClient for
    std::map<int, QList<SessionSummary>> m_waiting;
    QSet<QString> m_seen;
    CollectionSummary m_summary;
};
