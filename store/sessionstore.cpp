#include "store/sessionstore.h"
#include "api/usagedecoder.h"
#include "api/usagequery.h"
#include "store/sessionwriter.h"
#include "store/storeschema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace {
std::optional<qint64> optionalInt(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}
QVariant nullable(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong));
}
} // namespace

SessionStore::SessionStore()
    : m_connection(QStringLiteral("sessionstore-") +
                   QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

SessionStore::~SessionStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase SessionStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool SessionStore::takeFileLock(const QString &path, QString *error)
{
    // SQLite would let two syncs interleave their pages and then fail one of them with "database
    // is locked" halfway; a lock file beside the database refuses the second one up front.
    m_lock = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0); // a crashed sync's lock is stale once its process is gone
    if (m_lock->tryLock(0))
        return true;
    qint64 pid = 0;
    QString host;
    QString application;
    if (m_lock->error() == QLockFile::LockFailedError &&
        m_lock->getLockInfo(&pid, &host, &application))
        *error =
            QCoreApplication::translate(
                "SessionStore", "another sync (process %1) is writing %2; wait for it to finish, "
                                "or stop it")
                .arg(pid)
                .arg(path);
    else
        *error =
            QCoreApplication::translate(
                "SessionStore", "cannot create the lock file %1.lock beside the database; check "
                                "that its folder is writable")
                .arg(path);
    m_lock.reset();
    return false;
}

bool SessionStore::open(const StoreLocation &location, Access access, QString *error)
{
    if (QSqlDatabase::contains(m_connection)) { // opened before: start afresh
        m_dialect.reset();
        m_lock.reset();
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
    m_location = location;
    const SqlDialect dialect(location.kind);
    const QString name = location.displayName();
    if (dialect.isSqlite() && access == Access::Reader && !QFileInfo::exists(location.path)) {
        *error = QCoreApplication::translate(
                     "SessionStore", "there is no database at %1; sessionscope sync makes one")
                     .arg(location.path);
        return false;
    }
    if (dialect.isSqlite()) {
        const QString folder = QFileInfo(location.path).absolutePath();
        if (!QDir().mkpath(folder)) {
            *error = QCoreApplication::translate("SessionStore", "cannot create the folder %1")
                         .arg(folder);
            return false;
        }
        if (access == Access::Writer && !takeFileLock(location.path, error))
            return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(dialect.driver(), m_connection);
    if (!db.isValid()) {
        *error = QCoreApplication::translate(
                     "SessionStore", "the Qt SQL driver %1 is not installed (on Debian: %2)")
                     .arg(dialect.driver(), dialect.isSqlite() ? QStringLiteral("libqt6sql6-sqlite")
                                                               : QStringLiteral("libqt6sql6-psql"));
        return false;
    }
    dialect.configure(db, location);
    if (!db.open()) {
        *error = QCoreApplication::translate("SessionStore", "cannot open %1: %2")
                     .arg(name, db.lastError().text());
        return false;
    }
    QSqlQuery setup(db);
    for (const QString &statement : dialect.connectionSetup()) {
        if (!setup.exec(statement)) {
            *error = QCoreApplication::translate(
                         "SessionStore", "%1 is not a Sessionscope database, or cannot be used: %2")
                         .arg(name, setup.lastError().text());
            return false;
        }
    }
    for (const QString &statement :
         access == Access::Writer ? dialect.writerSetup() : QStringList()) {
        if (!setup.exec(statement)) {
            *error = QCoreApplication::translate("SessionStore", "cannot set up %1: %2")
                         .arg(name, setup.lastError().text());
            return false;
        }
    }
    if (access == Access::Writer && !dialect.tryWriterLock().isEmpty()) {
        if (!setup.exec(dialect.tryWriterLock()) || !setup.next()) {
            *error = QCoreApplication::translate("SessionStore", "cannot lock %1: %2")
                         .arg(name, setup.lastError().text());
            return false;
        }
        if (!setup.value(0).toBool()) {
            *error =
                QCoreApplication::translate(
                    "SessionStore", "another sync is writing %1; wait for it to finish, or stop "
                                    "it")
                    .arg(name);
            return false;
        }
    }
    setup.finish();
    m_dialect.emplace(dialect);
    if (!StoreSchema::migrate(db, dialect, &m_versionFound, error)) {
        *error = QCoreApplication::translate(
                     "SessionStore", "%1 is not a Sessionscope database, or cannot be written: %2")
                     .arg(name, *error);
        m_dialect.reset();
        return false;
    }
    if (m_versionFound == 1 && !backfillVersionOneRows(error)) {
        *error = QCoreApplication::translate(
                     "SessionStore", "%1: completing the sessions of the first release's layout "
                                     "failed: %2")
                     .arg(name, *error);
        m_dialect.reset();
        return false;
    }
    return true;
}

/// Rows of the first release hold the whole session as JSON but not the columns, turns and
/// search text added since: they are rewritten from that JSON, through the API's decoder.
bool SessionStore::backfillVersionOneRows(QString *error)
{
    QSqlQuery rows(database());
    rows.setForwardOnly(true);
    if (!rows.exec(QStringLiteral("SELECT json FROM sessions WHERE created_at_micros IS NULL"))) {
        *error = rows.lastError().text();
        return false;
    }
    QList<SessionSummary> sessions;
    while (rows.next()) {
        const QByteArray body = "{\"success\":true,\"message\":\"\",\"errors\":null,\"data\":" +
                                rows.value(0).toString().toUtf8() + '}';
        Result<SessionSummary> decoded = UsageDecoder::decodeSessionDetail(body);
        if (!decoded) {
            *error = decoded.error().message;
            return false;
        }
        sessions.append(std::move(decoded.value()));
    }
    rows.finish();
    SessionWriter writer(*this);
    if (!begin(error))
        return false;
    for (const SessionSummary &s : std::as_const(sessions)) {
        bool inserted = false;
        if (!writer.upsert(s, &inserted, error)) {
            rollback();
            return false;
        }
    }
    return commit(error);
}

bool SessionStore::begin(QString *error)
{
    QSqlDatabase db = database();
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

bool SessionStore::commit(QString *error)
{
    QSqlDatabase db = database();
    if (!db.commit()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

void SessionStore::rollback()
{
    database().rollback();
}

std::optional<SyncState> SessionStore::syncState(QString *error) const
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT filter, high_water_micros, last_sync_micros, "
                                   "last_inserted, last_updated, last_revisited, sessions_stored "
                                   "FROM sync_state"))) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    SyncState state;
    state.filter = query.value(0).toString();
    state.highWaterMicros = optionalInt(query.value(1));
    state.lastSyncMicros = optionalInt(query.value(2));
    state.lastInserted = query.value(3).toLongLong();
    state.lastUpdated = query.value(4).toLongLong();
    state.lastRevisited = query.value(5).toLongLong();
    state.sessionsStored = query.value(6).toLongLong();
    return state;
}

bool SessionStore::saveSyncState(const SyncState &state, QString *error)
{
    QSqlQuery query(database());
    // One row: the store holds one filter's sessions.
    if (!query.exec(QStringLiteral("DELETE FROM sync_state"))) {
        *error = query.lastError().text();
        return false;
    }
    query.prepare(QStringLiteral(
        "INSERT INTO sync_state (filter, high_water_micros, high_water_at, last_sync_at, "
        "last_sync_micros, last_inserted, last_updated, last_revisited, sessions_stored) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(state.filter);
    query.addBindValue(nullable(state.highWaterMicros));
    query.addBindValue(state.highWaterMicros ? QVariant(formatIsoUtc(*state.highWaterMicros))
                                             : QVariant(QMetaType(QMetaType::QString)));
    query.addBindValue(state.lastSyncMicros ? QVariant(formatIsoUtc(*state.lastSyncMicros))
                                            : QVariant(QMetaType(QMetaType::QString)));
    query.addBindValue(nullable(state.lastSyncMicros));
    query.addBindValue(state.lastInserted);
    query.addBindValue(state.lastUpdated);
    query.addBindValue(state.lastRevisited);
    query.addBindValue(state.sessionsStored);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

QStringList SessionStore::inProgressSessionIds(QString *error) const
{
    QStringList ids;
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT session_id FROM sessions WHERE finalized_at IS NULL "
                                   "ORDER BY created_at_micros"))) {
        *error = query.lastError().text();
        return ids;
    }
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

qint64 SessionStore::sessionCount(QString *error) const
{
    QSqlQuery query(database());
    if (query.exec(QStringLiteral("SELECT COUNT(*) FROM sessions")) && query.next())
        return query.value(0).toLongLong();
    *error = query.lastError().text();
    return -1;
}
