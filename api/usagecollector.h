#pragma once

// Widgets get models and controllers from app/, never the network client.
#if defined(SESSIONSCOPE_LAYER_UI)
#error "ui/ must not include the network client: take a model or controller from app/"
#endif

#include "api/apiclient.h"
#include "api/collectionsummary.h"

#include <QObject>
#include <QSet>

#include <map>

/// Fetches every page of one query, several at a time, and hands the sessions over in page order
/// (newest first), each session once. Used wherever a whole filtered set is needed: exports,
/// sync, sorting, per-day figures, comparisons, daily reports.
///
/// The end of the range is pinned when collection starts, so that sessions arriving meanwhile
/// (they are newer than the pinned end) cannot shift rows between pages.
///
/// Recovery rule. A page that answers 404 ("Invalid page.": the set looked shorter) or a body
/// that does not decode, and a page that repeats rows of earlier pages (rows shifted), do not end
/// the walk: the page is noted and the walk goes on. At its end the delivered sessions are
/// checked against page 1's totals: as many distinct sessions as `total_sessions`, and their
/// costs adding up to `total_estimated_cost_usd` to the micro-dollar (unless some sessions are
/// still in progress, whose cost may grow while the walk runs). If either differs, page 1
/// is asked again (fresh totals) with the noted pages, or with every page when none was noted; a
/// second recovery pass asks every page. Sessions not seen before are handed over as they come.
/// If the set is still not whole after that, the collection fails with ApiError::Kind::Incomplete
/// and a message that says how many sessions are missing and which pages misbehaved. Any other
/// error (after ApiClient's own retries) ends the collection at once.
///
/// Pages that arrive early wait in a reorder window of at most twice the pages kept requested,
/// which bounds memory whatever the size of the set.
class UsageCollector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsageCollector)

public:
    explicit UsageCollector(ApiClient *client, QObject *parent = nullptr);
    ~UsageCollector() override;

    static constexpr int DefaultParallel = 4;
    static constexpr int MaxRecoveryPasses = 2;

    /// Pages requested at once.
    void setMaxInFlight(int pages) { m_maxInFlight = qMax(1, pages); }
    /// Starts over; the query's page is ignored, its page size used (200 gives fewest requests).
    void start(const UsageQuery &query);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] const UsageQuery &query() const { return m_query; }

Q_SIGNALS:
    void started(const UsageTotals &totals, qint64 count, int pageCount);
    /// The first walk's pages in page order, once each (possibly empty), without sessions that
    /// an earlier page held.
    void pageReady(int page, const QList<SessionSummary> &sessions);
    /// Sessions a recovery pass found that no earlier page held. They belong to no page of the
    /// first walk: a consumer that keeps rows by page must keep these apart.
    void recovered(const QList<SessionSummary> &sessions);
    void progress(int pagesDone, int pageCount);
    /// The walk ended short of the server's totals; `pages` are asked again.
    void recovering(int pass, const QList<int> &pages, qint64 missingSessions);
    void finished(const CollectionSummary &summary);
    void failed(const ApiError &error);

private:
    /// One page's answer, waiting for its turn to be delivered.
    struct Answer
    {
        int page = 0;
        QList<SessionSummary> sessions;
        QString problem; ///< why the page gave no sessions; empty when it did
    };

    void startPass(QList<int> pages);
    void requestMore();
    void request(int index);
    void onPage(quint64 generation, int index, int page, Result<UsagePage> result);
    void onPageOne(const UsagePage &data);
    void deliverReady();
    void deliver(Answer answer);
    void countIn(const SessionSummary &session);
    void finishPass();
    [[nodiscard]] QString shortfall() const;
    void fail(const ApiError &error);

    ApiClient *m_client;
    UsageQuery m_query;
    int m_maxInFlight = DefaultParallel;
    bool m_running = false;
    quint64 m_generation = 0;
    int m_pass = 0;
    int m_pageCount = 0;
    QList<int> m_pages; ///< of this pass, in the order they are delivered
    int m_nextToRequest = 0;
    int m_nextToDeliver = 0;
    QSet<ApiClient::RequestId> m_inFlight;
    std::map<int, Answer> m_waiting;   ///< by index into m_pages
    std::map<int, QString> m_troubled; ///< pages in question, and why
    QSet<int> m_repeatedPages;         ///< pages that repeated rows in the first walk
    QSet<QString> m_seen;
    CollectionSummary m_summary;
};
