#include "store/sqldialect.h"

QString SqlDialect::driver() const
{
    return isSqlite() ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
}

void SqlDialect::configure(QSqlDatabase &db, const StoreLocation &location) const
{
    if (isSqlite()) {
        db.setDatabaseName(location.path);
        // Readers (the user's own queries) may hold the file briefly: wait for them.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        return;
    }
    db.setHostName(location.host);
    db.setPort(location.port);
    db.setUserName(location.user);
    db.setPassword(location.password); // empty: libpq reads PGPASSWORD or ~/.pgpass
    db.setDatabaseName(location.databaseName);
    db.setConnectOptions(QStringLiteral("connect_timeout=15"));
}

QStringList SqlDialect::connectionSetup() const
{
    if (!isSqlite())
        return {QStringLiteral("SET client_min_messages = warning")};
    // WAL: readers (the user's own queries, a search) never block the sync, and a commit is
    // durable once written to the log; NORMAL sync is what WAL is safe with against a crash of
    // the process (kill -9 loses nothing committed).
    // Foreign keys stay off, SQLite's default: the writer puts each session's row before its
    // turns in one transaction and nothing here deletes a session, and checking every turn's
    // session cost a fifth of inserting a turn (the schema still declares the cascade for users'
    // own connections that turn them on).
    return {QStringLiteral("PRAGMA journal_mode = WAL"),
            QStringLiteral("PRAGMA synchronous = NORMAL")};
}

QStringList SqlDialect::writerSetup() const
{
    if (!isSqlite())
        return {};
    // A sync writes hundreds of megabytes. SQLite's default checkpoint, every 4 MB of log,
    // copies the pages every page's commit rewrites (the search index's merges, the indexes'
    // inner pages) into the file again and again; a writer lets the log grow to 64 MB first,
    // which took about a sixth off the CPU time of writing 20,000 sessions. Readers are not
    // slowed: they read the log.
    // A 64 MB page cache: the search index's merges read back what a sync has just written.
    // Readers keep SQLite's default of 2 MB. Until a cache is full, each page read into it is a
    // fresh allocation, and a search that visits thousands of sessions' rows spent half its
    // time on them: `search practise --character interview-coach` over 100,000 sessions took
    // 146 ms with 64 MB and 64 ms with 2 MB (a rare word 27 ms with either). The window's
    // reader showed its first rows in 195 ms instead of 245 and held 46 MiB instead of 110; a
    // sort that reads rows its cache no longer holds takes up to 5 ms more.
    return {QStringLiteral("PRAGMA wal_autocheckpoint = 16384"),
            QStringLiteral("PRAGMA cache_size = -65536")};
}

QString SqlDialect::generatedKey() const
{
    return isSqlite() ? QStringLiteral("INTEGER PRIMARY KEY")
                      : QStringLiteral("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
}

QString SqlDialect::tableExistsQuery() const
{
    return isSqlite()
               ? QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
               : QStringLiteral("SELECT 1 FROM information_schema.tables WHERE "
                                "table_schema = current_schema() AND table_name = ?");
}

QStringList SqlDialect::searchIndexStatements() const
{
    if (!isSqlite())
        return {QStringLiteral("CREATE INDEX transcript_turns_search ON transcript_turns USING "
                               "GIN (to_tsvector('simple', search_text))")};
    // An external-content FTS5 index: the text is held once, in transcript_turns. The writer
    // keeps it current (SqliteSessionWriter) rather than triggers: FTS5
    // flushes its pending terms at every statement a trigger runs in, which made a sync five
    // times slower.
    return {QStringLiteral("CREATE VIRTUAL TABLE transcript_search USING fts5(search_text, "
                           "content='transcript_turns', content_rowid='turn_id', "
                           "tokenize='unicode61 remove_diacritics 2')")};
}

QString SqlDialect::searchFromWhere() const
{
    if (isSqlite())
        return QStringLiteral(" FROM transcript_search JOIN transcript_turns t ON t.turn_id = "
                              "transcript_search.rowid JOIN sessions s ON s.session_id = "
                              "t.session_id WHERE transcript_search MATCH ?");
    return QStringLiteral(" FROM transcript_turns t JOIN sessions s ON s.session_id = t.session_id "
                          "WHERE to_tsvector('simple', t.search_text) @@ to_tsquery('simple', ?)");
}

QString SqlDialect::searchQueryText(const QList<QStringList> &words) const
{
    // Tokens hold letters and digits only (see SearchText), so quoting them needs no escapes.
    QStringList parts;
    for (const QStringList &tokens : words) {
        if (isSqlite()) {
            parts.append(QLatin1Char('"') + tokens.join(QLatin1Char(' ')) + QLatin1Char('"'));
        } else {
            QStringList quoted;
            for (const QString &token : tokens)
                quoted.append(QLatin1Char('\'') + token + QLatin1Char('\''));
            parts.append(QLatin1Char('(') + quoted.join(QStringLiteral(" <-> ")) +
                         QLatin1Char(')'));
        }
    }
    return parts.join(isSqlite() ? QStringLiteral(" AND ") : QStringLiteral(" & "));
}

QString SqlDialect::tryWriterLock() const
{
    // One key for every Sessionscope store: a database holds one store.
    return isSqlite() ? QString() : QStringLiteral("SELECT pg_try_advisory_lock(5353100715)");
}
