#pragma once

#include "api/apiclient.h"
#include "api/collectionsummary.h"
#include "api/usagequery.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>

class SessionStore;
class SessionWriter;
class UsageCollector;

/// How far a sync has got, for a progress line or bar.
struct StoreSyncProgress
{
    int pagesDone = 0;
    int pageCount = 0;
    qint64 sessionsWritten = 0;
    qint64 elapsedMs = 0;
};

/// How a sync ended.
struct StoreSyncOutcome
{
    enum class Kind { Done, ApiFailed, LocalFailed, OtherFilter, Stopped };
    Kind kind = Kind::Done;
    ApiError apiError;   ///< for ApiFailed
    QString message;     ///< for LocalFailed and OtherFilter
    qint64 inserted = 0; ///< sessions new to the store
    qint64 updated = 0;  ///< sessions the store had, written again
    qint64 revisited = 0;
    qint64 nowFinalized = 0;
    qint64 vanished = 0;
    qint64 sessionsStored = 0;
    CollectionSummary summary; ///< of the walk, when it ended whole
};

Q_DECLARE_METATYPE(StoreSyncProgress)
Q_DECLARE_METATYPE(StoreSyncOutcome)

/// The sync engine: copies the sessions of a filter from the API into a store and keeps it
/// current, the pattern the API documents for an hourly sync. The first run walks every page;
/// later runs ask from the high-water mark on (inclusive: the boundary's sessions come again
/// and are upserted on session_id), then fetch again each stored session still in progress
/// that the walk did not bring. Each page is written in one transaction, committed before the
/// next page is taken, and the mark moves only after a whole walk (UsageCollector fails
/// otherwise): a run that is stopped, fails, or is killed keeps every committed page, and the
/// next run asks again for everything since the previous mark.
class StoreSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreSync)

public:
    /// `store` must be open as a writer and outlive the sync.
    StoreSync(ApiClient *client, SessionStore *store, QObject *parent = nullptr);
    ~StoreSync() override;

    /// The filter's character and tenant, and an optional range. Ends with finished().
    void start(const UsageQuery &query, int parallel = 4);
    /// Ends the sync at once (finished() with Stopped): what is committed stays, the mark
    /// does not move.
    void stop();
    [[nodiscard]] bool isRunning() const { return m_running; }

    /// The key under which a store remembers its filter.
    [[nodiscard]] static QString filterKey(const UsageQuery &query);

Q_SIGNALS:
    void progress(const StoreSyncProgress &progress);
    /// The walk ended short of the server's totals and asks `pages` again (UsageCollector).
    void recovering(int pass, const QList<int> &pages, qint64 missingSessions);
    void finished(const StoreSyncOutcome &outcome);

private:
    void onPage(const QList<SessionSummary> &sessions);
    void onWalked(const CollectionSummary &summary);
    void revisitNext();
    void finishWith(StoreSyncOutcome::Kind kind, const QString &message = {},
                    const ApiError &error = {});
    void complete();

    ApiClient *m_client;
    SessionStore *m_store;
    std::unique_ptr<SessionWriter> m_writer;
    QPointer<UsageCollector> m_collector;
    bool m_running = false;
    QString m_filter;
    qint64 m_newest = 0;
    QSet<QString> m_seen;
    QStringList m_toRevisit;
    ApiClient::RequestId m_revisit = 0;
    StoreSyncOutcome m_outcome;
    StoreSyncProgress m_progress;
    QElapsedTimer m_clock;
};
