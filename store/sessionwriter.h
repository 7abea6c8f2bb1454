#pragma once

#include "api/sessionsummary.h"

#include <QSqlQuery>
#include <QString>

#include <map>
#include <memory>
#include <optional>

class SessionStore;
class SqliteSessionWriter;

/// Writes sessions into a store: the row keyed by session_id (inserted or updated in place,
/// so local tags and notes, kept in their own tables, are never touched) and its transcript
/// turns, replaced as a whole with their search text. The caller holds the transaction: a sync
/// writes one page per transaction. SQLite is written through its own API
/// (SqliteSessionWriter), PostgreSQL through Qt SQL; both write SessionRow's values.
class SessionWriter
{
public:
    explicit SessionWriter(SessionStore &store);
    Q_DISABLE_COPY_MOVE(SessionWriter)
    ~SessionWriter();

    /// `inserted` tells whether the session was new. False with the database's message.
    bool upsert(const SessionSummary &session, bool *inserted, QString *error);

private:
    bool prepare(QString *error);
    /// PostgreSQL indexes turns itself; they go in many rows a statement: one round trip to
    /// the server for up to TurnsPerStatement turns instead of one each.
    bool insertTurnsInRows(const SessionSummary &session, QString *error);
    QSqlQuery *turnRowsStatement(int rows, QString *error);
    static constexpr int TurnsPerStatement = 64;

    SessionStore &m_store;
    bool m_prepared = false;
    std::unique_ptr<SqliteSessionWriter> m_sqlite;
    // Prepared once: a sync writes thousands of sessions with the same statements.
    std::optional<QSqlQuery> m_exists;
    std::optional<QSqlQuery> m_upsert;
    std::optional<QSqlQuery> m_deleteTurns;
    std::map<int, QSqlQuery> m_turnRows; ///< by number of rows, at most TurnsPerStatement of them
};
