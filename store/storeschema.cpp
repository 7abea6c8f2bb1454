#include "store/storeschema.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

/// Version 1: the first release's file, column for column (its types are spelled here so that
/// PostgreSQL gets 64-bit integers and doubles; SQLite's affinities are the same as before).
QStringList versionOne()
{
    return {
        QStringLiteral("CREATE TABLE sessions (session_id TEXT PRIMARY KEY, id BIGINT, "
                       "tenant_id TEXT, character_slug TEXT, created_at TEXT, finalized_at TEXT, "
                       "duration_seconds DOUBLE PRECISION, turn_count BIGINT, "
                       "interruption_count BIGINT, llm_input_tokens BIGINT, "
                       "llm_output_tokens BIGINT, llm_model TEXT, "
                       "stt_audio_seconds DOUBLE PRECISION, tts_characters BIGINT, "
                       "estimated_cost_micros BIGINT, estimated_cost_usd TEXT, "
                       "recording_status TEXT, json TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX sessions_created ON sessions(created_at)"),
        QStringLiteral("CREATE INDEX sessions_character ON sessions(character_slug)"),
        QStringLiteral("CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT)"),
    };
}

QStringList versionTwo(const SqlDialect &dialect)
{
    QStringList statements;
    const char *const newColumns[] = {
        "user_id BIGINT",
        "room_name TEXT",
        "origin_url TEXT",
        "metadata TEXT",
        "created_at_micros BIGINT",
        "finalized_at_micros BIGINT",
        "llm_provider TEXT",
        "stt_provider TEXT",
        "tts_provider TEXT",
        "recording_url TEXT",
        "recording_presigned_url TEXT",
        "transcript_text TEXT",
        "synced_at TEXT",
    };
    for (const char *column : newColumns)
        statements.append(QStringLiteral("ALTER TABLE sessions ADD COLUMN ") +
                          QString::fromLatin1(column));
    statements += {
        QStringLiteral("CREATE INDEX sessions_created_micros ON sessions(created_at_micros)"),
        QStringLiteral("CREATE INDEX sessions_tenant ON sessions(tenant_id)"),
        QStringLiteral("CREATE TABLE transcript_turns (turn_id %1, session_id TEXT NOT NULL "
                       "REFERENCES sessions(session_id) ON DELETE CASCADE, position BIGINT NOT "
                       "NULL, turn_index BIGINT NOT NULL, role TEXT NOT NULL, ts DOUBLE PRECISION "
                       "NOT NULL, text TEXT NOT NULL, search_text TEXT NOT NULL, "
                       "UNIQUE (session_id, position))")
            .arg(dialect.generatedKey()),
    };
    statements += dialect.searchIndexStatements();
    statements += {
        QStringLiteral("CREATE TABLE tags (session_id TEXT NOT NULL, tag TEXT NOT NULL, "
                       "created_at TEXT NOT NULL, PRIMARY KEY (session_id, tag))"),
        QStringLiteral("CREATE INDEX tags_tag ON tags(tag)"),
        QStringLiteral("CREATE TABLE notes (session_id TEXT PRIMARY KEY, body TEXT NOT NULL, "
                       "updated_at TEXT NOT NULL)"),
        QStringLiteral("ALTER TABLE sync_state RENAME TO sync_state_v1"),
        QStringLiteral("CREATE TABLE sync_state (filter TEXT PRIMARY KEY, high_water_micros "
                       "BIGINT, high_water_at TEXT, last_sync_at TEXT, last_sync_micros BIGINT, "
                       "last_inserted BIGINT, last_updated BIGINT, last_revisited BIGINT, "
                       "sessions_stored BIGINT)"),
        // The first release kept the filter and the mark as two keys.
        QStringLiteral("INSERT INTO sync_state (filter, high_water_micros) SELECT f.value, "
                       "CAST(m.value AS BIGINT) FROM sync_state_v1 f LEFT JOIN sync_state_v1 m "
                       "ON m.key = 'high_water_micros' WHERE f.key = 'filter'"),
        QStringLiteral("DROP TABLE sync_state_v1"),
        QStringLiteral("CREATE TABLE schema_version (version BIGINT NOT NULL)"),
        QStringLiteral("INSERT INTO schema_version (version) VALUES (2)"),
    };
    return statements;
}

/// Version 3: an index per column the window sorts on, each ending in session_id (the tie
/// break), so that reading any window in any order walks an index instead of sorting.
QStringList versionThree()
{
    QStringList statements;
    const char *const sorted[][2] = {
        {"created", "created_at_micros"},
        {"character", "character_slug"},
        {"tenant", "tenant_id"},
        {"duration", "duration_seconds"},
        {"turns", "turn_count"},
        {"interruptions", "interruption_count"},
        {"llm_input", "llm_input_tokens"},
        {"llm_output", "llm_output_tokens"},
        {"model", "llm_model"},
        {"stt", "stt_audio_seconds"},
        {"tts", "tts_characters"},
        {"cost", "estimated_cost_micros"},
        {"recording", "recording_status"},
        {"finalized", "finalized_at_micros"},
    };
    for (const auto &index : sorted)
        statements.append(
            QStringLiteral("CREATE INDEX sessions_sort_%1 ON sessions(%2, session_id)")
                .arg(QLatin1String(index[0]), QLatin1String(index[1])));
    statements.append(QStringLiteral("UPDATE schema_version SET version = 3"));
    return statements;
}

bool tableExists(QSqlDatabase &db, const SqlDialect &dialect, const QString &table, bool *exists,
                 QString *error)
{
    QSqlQuery query(db);
    query.prepare(dialect.tableExistsQuery());
    query.addBindValue(table);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    *exists = query.next();
    return true;
}

} // namespace

namespace StoreSchema {

int version(QSqlDatabase &db, const SqlDialect &dialect, QString *error)
{
    bool hasVersion = false;
    bool hasSessions = false;
    if (!tableExists(db, dialect, QStringLiteral("schema_version"), &hasVersion, error) ||
        !tableExists(db, dialect, QStringLiteral("sessions"), &hasSessions, error))
        return -1;
    if (!hasVersion)
        return hasSessions ? 1 : 0;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !query.next()) {
        *error = query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}

bool migrate(QSqlDatabase &db, const SqlDialect &dialect, int *from, QString *error)
{
    const int found = version(db, dialect, error);
    *from = found;
    if (found < 0)
        return false;
    if (found > CurrentVersion) {
        *error = QCoreApplication::translate(
                     "StoreSchema", "the database is at schema version %1, newer than this "
                                    "Sessionscope knows (%2); use a newer Sessionscope")
                     .arg(found)
                     .arg(CurrentVersion);
        return false;
    }
    if (found == CurrentVersion)
        return true;
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    QStringList steps;
    if (found < 1)
        steps += versionOne();
    if (found < 2)
        steps += versionTwo(dialect);
    steps += versionThree();
    QSqlQuery query(db);
    for (const QString &statement : std::as_const(steps)) {
        if (!query.exec(statement)) {
            *error = QCoreApplication::translate("StoreSchema",
                                                 "schema migration from version %1 failed: %2")
                         .arg(found)
                         .arg(query.lastError().text());
            query.finish();
            db.rollback();
            // Another process may have migrated it meanwhile (two commands opening a new store
            // at once): then there is nothing left to do.
            QString ignored;
            return version(db, dialect, &ignored) == CurrentVersion;
        }
    }
    query.finish();
    if (!db.commit()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

} // namespace StoreSchema
