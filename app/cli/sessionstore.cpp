#include "app/cli/sessionstore.h"
#include "api/sessionserializer.h"
#include "api/usagequery.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {
const char *const Schema[] = {
    "CREATE TABLE IF NOT EXISTS sessions ("
    " session_id TEXT PRIMARY KEY,"
    " id INTEGER, tenant_id TEXT, character_slug TEXT,"
    " created_at TEXT, finalized_at TEXT,"
    " duration_seconds REAL, turn_count INTEGER, interruption_count INTEGER,"
    " llm_input_tokens INTEGER, llm_output_tokens INTEGER, llm_model TEXT,"
    " stt_audio_seconds REAL, tts_characters INTEGER,"
    " estimated_cost_micros INTEGER, estimated_cost_usd TEXT,"
    " recording_status TEXT, json TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS sessions_created ON sessions(created_at)",
    "CREATE INDEX IF NOT EXISTS sessions_character ON sessions(character_slug)",
    "CREATE TABLE IF NOT EXISTS sync_state (key TEXT PRIMARY KEY, value TEXT)",
};

const char UpsertSql[] =
    "INSERT INTO sessions(session_id, id, tenant_id, character_slug, created_at, finalized_at,"
    " duration_seconds, turn_count, interruption_count, llm_input_tokens, llm_output_tokens,"
    " llm_model, stt_audio_seconds, tts_characters, estimated_cost_micros, estimated_cost_usd,"
    " recording_status, json) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
    "ON CONFLICT(session_id) DO UPDATE SET id=excluded.id, tenant_id=excluded.tenant_id,"
    " character_slug=excluded.character_slug, created_at=excluded.created_at,"
    " finalized_at=excluded.finalized_at, duration_seconds=excluded.duration_seconds,"
    " turn_count=excluded.turn_count, interruption_count=excluded.interruption_count,"
    " llm_input_tokens=excluded.llm_input_tokens, llm_output_tokens=excluded.llm_output_tokens,"
    " llm_model=excluded.llm_model, stt_audio_seconds=excluded.stt_audio_seconds,"
    " tts_characters=excluded.tts_characters, "
    "estimated_cost_micros=excluded.estimated_cost_micros,"
    " estimated_cost_usd=excluded.estimated_cost_usd, "
    "recording_status=excluded.recording_status,"
    " json=excluded.json";
} // namespace

SessionStore::SessionStore()
    : m_connection(QStringLiteral("sessionstore-") +
                   QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

SessionStore::~SessionStore()
{
    m_exists.reset();
    m_upsert.reset();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool SessionStore::open(const QString &path, QString *error)
{
    // SQLite would let two syncs interleave their pages and then fail one of them with "database
    // is locked" halfway; a lock file beside the database refuses the second one up front.
    m_lock = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0); // a crashed sync's lock is stale once its process is gone
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString application;
        if (m_lock->error() == QLockFile::LockFailedError &&
            m_lock->getLockInfo(&pid, &host, &application))
            *error = QStringLiteral("another sync (process %1) is writing %2; wait for it to "
                                    "finish, or stop it")
                         .arg(pid)
                         .arg(path);
        else
            *error = QStringLiteral("cannot create the lock file %1.lock beside the database; "
                                    "check that its folder is writable")
                         .arg(path);
        m_lock.reset();
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    // Readers (the user's own queries) may hold the file briefly: wait for them.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        *error = QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
        return false;
    }
    QSqlQuery query(db);
    for (const char *statement : Schema) {
        if (!query.exec(QString::fromLatin1(statement))) {
            *error = QStringLiteral("%1 is not a Sessionscope database, or cannot be written: %2")
                         .arg(path, query.lastError().text());
            return false;
        }
    }
    m_exists.emplace(db);
    m_upsert.emplace(db);
    if (!m_exists->prepare(QStringLiteral("SELECT 1 FROM sessions WHERE session_id = ?")) ||
        !m_upsert->prepare(QString::fromLatin1(UpsertSql))) {
        *error = QStringLiteral("%1 is not a Sessionscope database: %2")
                     .arg(path, m_upsert->lastError().text());
        m_exists.reset();
        m_upsert.reset();
        return false;
    }
    return true;
}

std::optional<QString> SessionStore::value(const QString &key) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    query.addBindValue(key);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return std::nullopt;
}

bool SessionStore::setValue(const QString &key, const QString &value, QString *error)
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("INSERT INTO sync_state(key, value) VALUES(?, ?) "
                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(key);
    query.addBindValue(value);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

bool SessionStore::upsert(const SessionSummary &s, bool *inserted, QString *error)
{
    if (!m_exists || !m_upsert) {
        *error = QStringLiteral("the database is not open");
        return false;
    }
    m_exists->bindValue(0, s.sessionId);
    *inserted = !(m_exists->exec() && m_exists->next());
    m_exists->finish();

    const auto date = [](const QDateTime &d) {
        return d.isValid() ? QVariant(SessionSerializer::formatDateTime(d)) : QVariant();
    };
    const QVariantList values = {
        s.sessionId,
        s.id,
        s.tenantId,
        s.characterSlug,
        date(s.createdAt),
        date(s.finalizedAt),
        s.durationSeconds,
        s.turnCount,
        s.interruptionCount,
        s.llmInputTokens,
        s.llmOutputTokens,
        s.llmModel,
        s.sttAudioSeconds,
        s.ttsCharacters,
        s.estimatedCost.micros(),
        s.estimatedCost.toDecimalString(),
        recordingStatusName(s.recordingStatus),
        QString::fromUtf8(SessionSerializer::toJson(s)),
    };
    for (qsizetype i = 0; i < values.size(); ++i)
        m_upsert->bindValue(int(i), values.at(i));
    if (!m_upsert->exec()) {
        *error = m_upsert->lastError().text();
        return false;
    }
    return true;
}

QStringList SessionStore::inProgressSessionIds() const
{
    QStringList ids;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (query.exec(QStringLiteral("SELECT session_id FROM sessions WHERE finalized_at IS NULL "
                                  "ORDER BY created_at"))) {
        while (query.next())
            ids.append(query.value(0).toString());
    }
    return ids;
}

qint64 SessionStore::count() const
{
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (query.exec(QStringLiteral("SELECT COUNT(*) FROM sessions")) && query.next())
        return query.value(0).toLongLong();
    return 0;
}

bool SessionStore::begin(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

bool SessionStore::commit(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.commit()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}
