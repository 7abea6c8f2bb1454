#include "store/sessionwriter.h"
#include "api/sessionserializer.h"
#include "api/usagequery.h"
#include "store/searchtext.h"
#include "store/sessionstore.h"

#include <QSqlError>

namespace {

// The API's fields in the order of the upsert's values. duration_seconds is the API's
// session_duration_seconds (the first release's name, kept for users' queries).
const char *const Columns[] = {
    "session_id",
    "id",
    "tenant_id",
    "character_slug",
    "user_id",
    "room_name",
    "origin_url",
    "metadata",
    "created_at",
    "created_at_micros",
    "finalized_at",
    "finalized_at_micros",
    "duration_seconds",
    "turn_count",
    "interruption_count",
    "llm_input_tokens",
    "llm_output_tokens",
    "llm_model",
    "llm_provider",
    "stt_audio_seconds",
    "stt_provider",
    "tts_characters",
    "tts_provider",
    "estimated_cost_micros",
    "estimated_cost_usd",
    "recording_status",
    "recording_url",
    "recording_presigned_url",
    "transcript_text",
    "json",
    "synced_at",
};

QString upsertSql()
{
    QStringList names, marks, updates;
    for (const char *column : Columns) {
        const QString name = QString::fromLatin1(column);
        names.append(name);
        marks.append(QStringLiteral("?"));
        if (name != u"session_id")
            updates.append(name + QStringLiteral(" = excluded.") + name);
    }
    return QStringLiteral("INSERT INTO sessions (%1) VALUES (%2) ON CONFLICT (session_id) DO "
                          "UPDATE SET %3")
        .arg(names.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")),
             updates.join(QStringLiteral(", ")));
}

QVariant nullText()
{
    return QVariant(QMetaType(QMetaType::QString));
}

/// An empty string, never NULL: a QString that was never assigned binds as NULL.
QString notNull(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QVariant text(const QString &value)
{
    return value.isNull() ? nullText() : QVariant(value);
}

/// A presigned URL without its query: the signature lets anyone play the recording until it
/// expires, within the hour; the store keeps where the recording is, and a fresh link is
/// asked for when it is played.
QString withoutSignature(const QString &url)
{
    const qsizetype query = url.indexOf(QLatin1Char('?'));
    return query < 0 ? url : url.left(query);
}

} // namespace

SessionWriter::SessionWriter(SessionStore &store)
    : m_store(store)
{}

bool SessionWriter::prepare(QString *error)
{
    const QSqlDatabase db = m_store.database();
    m_exists.emplace(db);
    m_upsert.emplace(db);
    m_deleteTurns.emplace(db);
    m_insertTurn.emplace(db);
    if (m_exists->prepare(QStringLiteral("SELECT 1 FROM sessions WHERE session_id = ?")) &&
        m_upsert->prepare(upsertSql()) &&
        m_deleteTurns->prepare(
            QStringLiteral("DELETE FROM transcript_turns WHERE session_id = ?")) &&
        m_insertTurn->prepare(QStringLiteral(
            "INSERT INTO transcript_turns (session_id, position, turn_index, role, ts, text, "
            "search_text) VALUES (?, ?, ?, ?, ?, ?, ?)"))) {
        const SqlDialect &dialect = m_store.dialect();
        if (dialect.indexInsertedTurn().isEmpty())
            return true;
        m_indexTurn.emplace(db);
        m_unindexTurns.emplace(db);
        if (m_indexTurn->prepare(dialect.indexInsertedTurn()) &&
            m_unindexTurns->prepare(dialect.unindexTurnsOfSession()))
            return true;
    }
    for (auto *q :
         {&m_exists, &m_upsert, &m_deleteTurns, &m_insertTurn, &m_indexTurn, &m_unindexTurns}) {
        if (!q->has_value())
            continue;
        if ((*q)->lastError().isValid())
            *error = (*q)->lastError().text();
        q->reset();
    }
    return false;
}

bool SessionWriter::upsert(const SessionSummary &s, bool *inserted, QString *error)
{
    if (!m_upsert && !prepare(error))
        return false;
    const auto fail = [&](QSqlQuery &query) {
        *error = query.lastError().text();
        query.finish();
        return false;
    };
    m_exists->bindValue(0, s.sessionId);
    if (!m_exists->exec())
        return fail(*m_exists);
    *inserted = !m_exists->next();
    m_exists->finish();

    const auto date = [](const QDateTime &d) {
        return d.isValid() ? QVariant(SessionSerializer::formatDateTime(d)) : nullText();
    };
    const auto micros = [](const QDateTime &d) {
        return d.isValid() ? QVariant(microsFromDateTime(d))
                           : QVariant(QMetaType(QMetaType::LongLong));
    };
    // The server's own bytes when the page kept them (every field, unknown ones included),
    // otherwise the session written back out; never the presigned URL's signature.
    const QByteArray json = s.sourceJson ? s.sourceJson->line(false) : [&] {
        SessionSummary copy = s;
        copy.recordingPresignedUrl = withoutSignature(s.recordingPresignedUrl);
        return SessionSerializer::toJson(copy);
    }();
    const QVariantList values = {
        s.sessionId,
        s.id,
        text(s.tenantId),
        text(s.characterSlug),
        s.user ? QVariant(*s.user) : QVariant(QMetaType(QMetaType::LongLong)),
        text(s.roomName),
        text(s.originUrl),
        s.metadataJson.isNull() ? nullText() : QVariant(QString::fromUtf8(s.metadataJson)),
        date(s.createdAt),
        micros(s.createdAt),
        date(s.finalizedAt),
        micros(s.finalizedAt),
        s.durationSeconds,
        s.turnCount,
        s.interruptionCount,
        s.llmInputTokens,
        s.llmOutputTokens,
        text(s.llmModel),
        text(s.llmProvider),
        s.sttAudioSeconds,
        text(s.sttProvider),
        s.ttsCharacters,
        text(s.ttsProvider),
        s.estimatedCost.micros(),
        s.estimatedCost.toDecimalString(),
        s.recordingStatusText.isEmpty() ? recordingStatusName(s.recordingStatus)
                                        : s.recordingStatusText,
        text(s.recordingUrl),
        s.recordingPresignedUrl.isEmpty() ? nullText()
                                          : QVariant(withoutSignature(s.recordingPresignedUrl)),
        notNull(s.transcriptText()),
        QString::fromUtf8(json),
        formatIsoUtc(QDateTime::currentDateTimeUtc().toMSecsSinceEpoch() * 1000),
    };
    for (qsizetype i = 0; i < values.size(); ++i)
        m_upsert->bindValue(int(i), values.at(i));
    if (!m_upsert->exec())
        return fail(*m_upsert);
    m_upsert->finish();

    // The turns are replaced whole: a session in progress grows turns between syncs.
    if (!*inserted) {
        if (m_unindexTurns) {
            m_unindexTurns->bindValue(0, s.sessionId);
            if (!m_unindexTurns->exec())
                return fail(*m_unindexTurns);
            m_unindexTurns->finish();
        }
        m_deleteTurns->bindValue(0, s.sessionId);
        if (!m_deleteTurns->exec())
            return fail(*m_deleteTurns);
        m_deleteTurns->finish();
    }
    return insertTurns(s, error);
}

bool SessionWriter::insertTurns(const SessionSummary &s, QString *error)
{
    if (!m_indexTurn)
        return insertTurnsInRows(s, error);
    for (qsizetype i = 0; i < s.transcript.size(); ++i) {
        const TranscriptTurn turn = s.transcript.at(i);
        m_insertTurn->bindValue(0, s.sessionId);
        m_insertTurn->bindValue(1, qint64(i));
        m_insertTurn->bindValue(2, turn.turnIndex);
        m_insertTurn->bindValue(3, transcriptRoleName(turn.role));
        m_insertTurn->bindValue(4, turn.ts);
        m_insertTurn->bindValue(5, notNull(turn.text));
        const QString searchText = notNull(SearchText::folded(turn.text));
        m_insertTurn->bindValue(6, searchText);
        m_indexTurn->bindValue(0, searchText);
        if (!m_insertTurn->exec() || !m_indexTurn->exec()) {
            *error = m_insertTurn->lastError().isValid() ? m_insertTurn->lastError().text()
                                                         : m_indexTurn->lastError().text();
            m_insertTurn->finish();
            m_indexTurn->finish();
            return false;
        }
    }
    m_insertTurn->finish();
    m_indexTurn->finish();
    return true;
}

QSqlQuery *SessionWriter::turnRowsStatement(int rows, QString *error)
{
    auto it = m_turnRows.find(rows);
    if (it != m_turnRows.end())
        return &it->second;
    QStringList tuples;
    for (int i = 0; i < rows; ++i)
        tuples.append(QStringLiteral("(?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery query(m_store.database());
    if (!query.prepare(QStringLiteral("INSERT INTO transcript_turns (session_id, position, "
                                      "turn_index, role, ts, text, search_text) VALUES ") +
                       tuples.join(QStringLiteral(", ")))) {
        *error = query.lastError().text();
        return nullptr;
    }
    return &m_turnRows.emplace(rows, std::move(query)).first->second;
}

bool SessionWriter::insertTurnsInRows(const SessionSummary &s, QString *error)
{
    for (qsizetype first = 0; first < s.transcript.size(); first += TurnsPerStatement) {
        const int rows = int(qMin<qsizetype>(TurnsPerStatement, s.transcript.size() - first));
        QSqlQuery *query = turnRowsStatement(rows, error);
        if (!query)
            return false;
        int at = 0;
        for (qsizetype i = first; i < first + rows; ++i) {
            const TranscriptTurn turn = s.transcript.at(i);
            query->bindValue(at++, s.sessionId);
            query->bindValue(at++, qint64(i));
            query->bindValue(at++, turn.turnIndex);
            query->bindValue(at++, transcriptRoleName(turn.role));
            query->bindValue(at++, turn.ts);
            query->bindValue(at++, notNull(turn.text));
            query->bindValue(at++, notNull(SearchText::folded(turn.text)));
        }
        const bool ok = query->exec();
        if (!ok)
            *error = query->lastError().text();
        query->finish();
        if (!ok)
            return false;
    }
    return true;
}
