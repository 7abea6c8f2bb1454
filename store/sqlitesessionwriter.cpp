#include "store/sqlitesessionwriter.h"
#include "api/sessionsummary.h"
#include "store/searchtext.h"
#include "store/sessionrow.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace {

/// Text binds as '' when empty, never NULL: SQLite takes a null pointer for NULL.
int bindText(sqlite3_stmt *statement, int at, QByteArrayView text)
{
    return sqlite3_bind_text(statement, at, text.data() ? text.data() : "", int(text.size()),
                             SQLITE_STATIC);
}

int bind(sqlite3_stmt *statement, int at, const SqlValue &value)
{
    if (const auto *i = std::get_if<qint64>(&value))
        return sqlite3_bind_int64(statement, at, *i);
    if (const auto *d = std::get_if<double>(&value))
        return sqlite3_bind_double(statement, at, *d);
    if (const auto *t = std::get_if<QByteArray>(&value))
        return bindText(statement, at, *t);
    return sqlite3_bind_null(statement, at);
}

/// Runs a statement that returns no row and, when it succeeded, makes it ready for its next
/// values (a failed one is reset by fail(), after its message is read).
bool run(sqlite3_stmt *statement)
{
    if (sqlite3_step(statement) != SQLITE_DONE)
        return false;
    sqlite3_reset(statement);
    return true;
}

} // namespace

SqliteSessionWriter::~SqliteSessionWriter()
{
    for (sqlite3_stmt *statement :
         {m_exists, m_upsert, m_unindexTurns, m_deleteTurns, m_insertTurn, m_indexTurn})
        sqlite3_finalize(statement);
}

bool SqliteSessionWriter::fail(sqlite3_stmt *statement, QString *error)
{
    *error = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(statement);
    return false;
}

bool SqliteSessionWriter::prepare(const QSqlDatabase &db, QString *error)
{
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0 || !handle.data()) {
        *error = QCoreApplication::translate("SqliteSessionWriter",
                                             "the connection is not a SQLite one");
        return false;
    }
    m_db = *static_cast<sqlite3 *const *>(handle.data());
    if (!m_db) {
        *error = QCoreApplication::translate("SqliteSessionWriter", "no SQLite handle");
        return false;
    }
    const QByteArray upsert = SessionRow::upsertSql().toUtf8();
    const struct
    {
        const char *sql;
        sqlite3_stmt **statement;
    } statements[] = {
        {"SELECT 1 FROM sessions WHERE session_id = ?", &m_exists},
        {upsert.constData(), &m_upsert},
        // The index is external-content: it is told which texts leave, with the very text it
        // indexed (store/sqldialect.cpp).
        {"INSERT INTO transcript_search (transcript_search, rowid, search_text) SELECT "
         "'delete', turn_id, search_text FROM transcript_turns WHERE session_id = ?",
         &m_unindexTurns},
        {"DELETE FROM transcript_turns WHERE session_id = ?", &m_deleteTurns},
        {"INSERT INTO transcript_turns (session_id, position, turn_index, role, ts, text, "
         "search_text) VALUES (?, ?, ?, ?, ?, ?, ?)",
         &m_insertTurn},
        {"INSERT INTO transcript_search (rowid, search_text) VALUES (?, ?)", &m_indexTurn},
    };
    for (const auto &s : statements) {
        if (sqlite3_prepare_v3(m_db, s.sql, -1, SQLITE_PREPARE_PERSISTENT, s.statement, nullptr) !=
            SQLITE_OK) {
            *error = QString::fromUtf8(sqlite3_errmsg(m_db));
            return false;
        }
    }
    return true;
}

bool SqliteSessionWriter::upsert(const SessionSummary &s, bool *inserted, QString *error)
{
    const QByteArray sessionId = s.sessionId.toUtf8();
    if (bindText(m_exists, 1, sessionId) != SQLITE_OK)
        return fail(m_exists, error);
    const int found = sqlite3_step(m_exists);
    if (found != SQLITE_ROW && found != SQLITE_DONE)
        return fail(m_exists, error);
    sqlite3_reset(m_exists);
    *inserted = found == SQLITE_DONE;

    const SessionRow::Values values =
        SessionRow::values(s, QDateTime::currentDateTimeUtc().toMSecsSinceEpoch() * 1000);
    for (size_t i = 0; i < values.size(); ++i) {
        if (bind(m_upsert, int(i) + 1, values[i]) != SQLITE_OK)
            return fail(m_upsert, error);
    }
    if (!run(m_upsert))
        return fail(m_upsert, error);
    return replaceTurns(s, *inserted, error);
}

bool SqliteSessionWriter::replaceTurns(const SessionSummary &s, bool inserted, QString *error)
{
    const QByteArray sessionId = s.sessionId.toUtf8();
    // The turns are replaced whole: a session in progress grows turns between syncs.
    if (!inserted) {
        for (sqlite3_stmt *statement : {m_unindexTurns, m_deleteTurns}) {
            if (bindText(statement, 1, sessionId) != SQLITE_OK || !run(statement))
                return fail(statement, error);
        }
    }
    static const QByteArray roles[] = {
        transcriptRoleName(TranscriptTurn::Role::Assistant).toUtf8(),
        transcriptRoleName(TranscriptTurn::Role::User).toUtf8(),
        transcriptRoleName(TranscriptTurn::Role::Other).toUtf8(),
    };
    for (qsizetype i = 0; i < s.transcript.size(); ++i) {
        const QByteArrayView text = s.transcript.textUtf8(i);
        const QByteArray search = SearchText::foldedUtf8(text);
        const bool inTurns =
            bindText(m_insertTurn, 1, sessionId) == SQLITE_OK &&
            sqlite3_bind_int64(m_insertTurn, 2, i) == SQLITE_OK &&
            sqlite3_bind_int64(m_insertTurn, 3, s.transcript.turnIndex(i)) == SQLITE_OK &&
            bindText(m_insertTurn, 4, roles[qMin(int(s.transcript.role(i)), 2)]) == SQLITE_OK &&
            sqlite3_bind_double(m_insertTurn, 5, s.transcript.ts(i)) == SQLITE_OK &&
            bindText(m_insertTurn, 6, text) == SQLITE_OK &&
            bindText(m_insertTurn, 7, search) == SQLITE_OK && run(m_insertTurn);
        if (!inTurns)
            return fail(m_insertTurn, error);
        const bool indexed =
            sqlite3_bind_int64(m_indexTurn, 1, sqlite3_last_insert_rowid(m_db)) == SQLITE_OK &&
            bindText(m_indexTurn, 2, search) == SQLITE_OK && run(m_indexTurn);
        if (!indexed)
            return fail(m_indexTurn, error);
    }
    return true;
}
