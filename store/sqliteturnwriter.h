#pragma once

#include <QString>

struct SessionSummary;
struct sqlite3;
struct sqlite3_stmt;
class QSqlDatabase;

/// Writes a session's transcript turns and indexes them for search through SQLite's own
/// statement API, on the connection Qt SQL opened (the driver hands out its handle; Debian's
/// Qt uses the system's libsqlite3, as this does). A sync writes tens of thousands of turns a
/// second: Qt SQL's binding of seven values a turn (a QVariant and a placeholder name each) and
/// the text's round trip through UTF-16 cost more than SQLite's insert itself, and the turns'
/// text is UTF-8 already.
class SqliteTurnWriter
{
public:
    SqliteTurnWriter() = default;
    ~SqliteTurnWriter();
    Q_DISABLE_COPY_MOVE(SqliteTurnWriter)

    /// False with a message when the connection is not SQLite or a statement does not prepare.
    bool prepare(const QSqlDatabase &db, QString *error);
    /// Inserts the turns (the session's old ones deleted by the caller) and indexes them.
    bool insert(const SessionSummary &session, QString *error);

private:
    QString lastError() const;

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    sqlite3_stmt *m_index = nullptr;
};
