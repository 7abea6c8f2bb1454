#pragma once

#include "store/storelocation.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

/// Everything that differs between SQLite and PostgreSQL, in one place. The rest of the store
/// writes one SQL for both: BIGINT and DOUBLE PRECISION mean the same to SQLite's type
/// affinity as INTEGER and REAL, and both engines know `INSERT … ON CONFLICT … DO UPDATE`.
class SqlDialect
{
public:
    explicit SqlDialect(StoreLocation::Kind kind)
        : m_kind(kind)
    {}

    [[nodiscard]] StoreLocation::Kind kind() const { return m_kind; }
    [[nodiscard]] bool isSqlite() const { return m_kind == StoreLocation::Kind::Sqlite; }
    /// The Qt SQL driver's name.
    [[nodiscard]] QString driver() const;
    /// Points a connection of driver() at `location`, before it is opened.
    void configure(QSqlDatabase &db, const StoreLocation &location) const;
    /// Run once per connection, before anything else (SQLite's journal and foreign keys).
    [[nodiscard]] QStringList connectionSetup() const;
    /// Run next, on the connection that writes (the sync's): its log and cache sizes.
    [[nodiscard]] QStringList writerSetup() const;
    /// An integer key the database assigns: SQLite's rowid alias, PostgreSQL's identity.
    [[nodiscard]] QString generatedKey() const;
    /// Whether a table exists (the query takes the name as its one bound value).
    [[nodiscard]] QString tableExistsQuery() const;
    /// The full-text index over transcript_turns.search_text.
    [[nodiscard]] QStringList searchIndexStatements() const;
    /// FROM and WHERE of a search: transcript_turns as `t`, sessions as `s`, matching the
    /// query text made by searchQueryText() bound at the first placeholder.
    [[nodiscard]] QString searchFromWhere() const;
    /// The engine's query language for `words`, each a list of folded tokens that must follow
    /// one another (a word of a script written without spaces is one token per character).
    [[nodiscard]] QString searchQueryText(const QList<QStringList> &words) const;
    /// A statement that takes the store's writer lock for this connection's lifetime and
    /// answers one row, true when it was free (PostgreSQL); empty for SQLite, whose writer
    /// lock is a file beside the database.
    [[nodiscard]] QString tryWriterLock() const;

private:
    StoreLocation::Kind m_kind;
};
