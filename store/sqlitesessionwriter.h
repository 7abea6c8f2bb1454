#pragma once

#include <QString>

struct SessionSummary;
struct sqlite3;
struct sqlite3_stmt;
class QSqlDatabase;

/// Writes sessions into a SQLite store through SQLite's own statement API, on the connection Qt
/// SQL opened (the driver hands out its handle; Debian's Qt uses the system's libsqlite3, as
/// this does): the row (SessionRow), and its transcript turns, replaced whole and indexed for
/// search. A sync writes thousands of sessions and tens of thousands of turns a second: Qt
/// SQL's binding (a QVariant a value) and the round trip of every text through UTF-16 (the
/// session's JSON and transcript are most of its bytes) cost more than SQLite's inserts.
class SqliteSessionWriter
{
public:
    SqliteSessionWriter() = default;
    ~SqliteSessionWriter();
    Q_DISABLE_COPY_MOVE(SqliteSessionWriter)

    /// False with a message when the connection is not SQLite or a statement does not prepare.
    bool prepare(const QSqlDatabase &db, QString *error);
    /// Inserts or updates the session; `inserted` tells whether it was new.
    bool upsert(const SessionSummary &session, bool *inserted, QString *error);

private:
    bool fail(sqlite3_stmt *statement, QString *error);
    bool replaceTurns(const SessionSummary &session, bool inserted, QString *error);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_exists = nullptr;
    sqlite3_stmt *m_upsert = nullptr;
    sqlite3_stmt *m_unindexTurns = nullptr;
    sqlite3_stmt *m_deleteTurns = nullptr;
    sqlite3_stmt *m_insertTurn = nullptr;
    sqlite3_stmt *m_indexTurn = nullptr;
};
