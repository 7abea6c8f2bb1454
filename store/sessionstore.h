#pragma once

#include "store/sqldialect.h"
#include "store/storelocation.h"

#include <QLockFile>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

/// What the store remembers of its syncs: the filter it is kept for (a store holds one
/// filter's sessions, or the high-water mark would mean nothing) and how the last one went.
struct SyncState
{
    QString filter; ///< the API query string of the character and tenant filter
    std::optional<qint64> highWaterMicros;
    std::optional<qint64> lastSyncMicros;
    qint64 lastInserted = 0;
    qint64 lastUpdated = 0;
    qint64 lastRevisited = 0;
    qint64 sessionsStored = 0;
};

/// One connection to a store, SQLite or PostgreSQL, with its schema brought up to date. A
/// writer (a sync) also holds the store's writer lock for as long as it is open, so that two
/// syncs never interleave their pages: a file `DATABASE.lock` beside a SQLite file, a
/// session-level advisory lock on PostgreSQL. Readers (search, totals, tags and notes) take no
/// lock: SQLite's WAL and PostgreSQL's MVCC let them run beside a sync.
class SessionStore
{
public:
    enum class Access { Reader, Writer };

    SessionStore();
    ~SessionStore();
    Q_DISABLE_COPY_MOVE(SessionStore)

    /// False with a message for a person when the store cannot be opened, is not a
    /// Sessionscope store, or (for a writer) another sync holds it.
    bool open(const StoreLocation &location, Access access, QString *error);
    [[nodiscard]] bool isOpen() const { return m_dialect.has_value(); }
    [[nodiscard]] QSqlDatabase database() const;
    [[nodiscard]] const SqlDialect &dialect() const { return *m_dialect; }
    [[nodiscard]] const StoreLocation &location() const { return m_location; }
    /// The schema version the store had when it was opened (1 for the first release's file).
    [[nodiscard]] int versionFound() const { return m_versionFound; }

    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();

    /// Nothing when the store was never synced.
    [[nodiscard]] std::optional<SyncState> syncState(QString *error) const;
    bool saveSyncState(const SyncState &state, QString *error);
    [[nodiscard]] QStringList inProgressSessionIds(QString *error) const;
    [[nodiscard]] qint64 sessionCount(QString *error) const;

private:
    bool takeFileLock(const QString &path, QString *error);
    bool backfillVersionOneRows(QString *error);

    QString m_connection;
    StoreLocation m_location;
    std::optional<SqlDialect> m_dialect;
    std::unique_ptr<QLockFile> m_lock;
    int m_versionFound = -1;
};
